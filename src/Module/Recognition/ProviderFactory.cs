using System;
using System.Threading;
using BankcardOcr.Credentials;
using BankcardOcr.Providers;
using BankcardOcr.Providers.Huawei;
using BankcardOcr.Providers.Local;
using BankcardOcr.Providers.Tencent;
using BankcardOcr.Providers.TencentLegacy;

namespace BankcardOcr.Recognition
{
    /// <summary>What the cmdlet gathered for building a provider: credential, addresses and provider-specific switches.</summary>
    internal sealed class ProviderSettings
    {
        public ProviderCredential? Credential { get; set; }

        public Uri? Endpoint { get; set; }

        public string? Region { get; set; }

        public string? AppId { get; set; }

        public string? Bucket { get; set; }

        public bool UseBase64 { get; set; }

        public TencentOptions TencentChecks { get; } = new TencentOptions();

        /// <summary>Huawei: a token passed with -Token, used instead of <see cref="Credential"/>.</summary>
        public HuaweiIamToken? Token { get; set; }

        public string? ProjectId { get; set; }

        public Uri? IamEndpoint { get; set; }

        public bool ReturnTextLocation { get; set; }

        /// <summary>Local: the user's -ThrottleLimit, if given (sizes the inference threads).</summary>
        public int? ThrottleLimit { get; set; }

        /// <summary>Local: return readings that fail the number checks, flagged Unverified.</summary>
        public bool IncludeUnverified { get; set; }

        /// <summary>Retries and per-attempt time for the IAM calls a provider makes before the batch starts.</summary>
        public int MaxRetries { get; set; }

        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

        public CancellationToken CancellationToken { get; set; }

        /// <summary>What setting up said (IAM retries, the token's origin), for the cmdlet to write.</summary>
        public RecognitionLog Log { get; } = new RecognitionLog();
    }

    /// <summary>The one place that knows which class serves which <c>-Provider</c> name.</summary>
    internal static class ProviderFactory
    {
        public const string Tencent = "Tencent";
        public const string TencentLegacy = "TencentLegacy";
        public const string Huawei = "Huawei";
        public const string Local = "Local";

        /// <summary>The credential kinds a provider accepts, in order of preference.</summary>
        public static CredentialKind[] CredentialKindsFor(string provider) => provider switch
        {
            Tencent => new[] { CredentialKind.TencentKeys },
            TencentLegacy => new[] { CredentialKind.TencentKeys },
            Huawei => new[] { CredentialKind.HuaweiAccessKeys, CredentialKind.HuaweiPassword },
            _ => Array.Empty<CredentialKind>(),
        };

        public static IRecognitionProvider Create(string provider, ProviderSettings settings)
        {
            switch (provider)
            {
                case Tencent:
                {
                    var options = settings.TencentChecks;
                    options.SecretId = settings.Credential!.KeyId;
                    options.SecretKey = settings.Credential.GetSecret();
                    options.Endpoint = settings.Endpoint;
                    options.Region = settings.Region ?? settings.Credential.Region;
                    return new TencentProvider(options);
                }

                case TencentLegacy:
                    return new TencentLegacyProvider(new TencentLegacyOptions
                    {
                        AppId = settings.AppId ?? settings.Credential!.AppId ?? string.Empty,
                        Bucket = settings.Bucket ?? settings.Credential!.Bucket,
                        SecretId = settings.Credential!.KeyId,
                        SecretKey = settings.Credential.GetSecret(),
                        Endpoint = settings.Endpoint,
                        UseBase64 = settings.UseBase64,
                    });
                case Huawei:
                    return HuaweiProviderSetup.Create(settings);
                case Local:
                    return new LocalProvider(new LocalOptions
                    {
                        // The module folder: models/ and runtimes/ are laid out beside this assembly.
                        ModuleDirectory = System.IO.Path.GetDirectoryName(typeof(ProviderFactory).Assembly.Location)!,
                        Parallelism = settings.ThrottleLimit ?? Environment.ProcessorCount,
                        IncludeUnverified = settings.IncludeUnverified,
                    });
                default:
                    throw new NotSupportedException($"The {provider} provider is not available in this version of BankcardOcr.");
            }
        }
    }
}
