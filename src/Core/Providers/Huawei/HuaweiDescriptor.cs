using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using BankcardOcr.Cloud;
using BankcardOcr.Cloud.Credentials;
using BankcardOcr.Cloud.Http;
using BankcardOcr.Imaging;
using BankcardOcr.Calls;

namespace BankcardOcr.Providers.Huawei
{
    /// <summary>Huawei Cloud OCR <c>RecognizeBankcard</c> as the module sees it (docs/huaweicloud.md §1–7).</summary>
    public sealed class HuaweiDescriptor : CloudProviderDescriptor
    {
        /// <summary>Access key / secret access key (AK/SK), from the SDKs' HUAWEICLOUD_SDK_AK / _SK (and _PROJECT_ID).</summary>
        public static CredentialKind AccessKeys { get; } = new CredentialKind("HuaweiAccessKeys", "Huawei Cloud access key (AK/SK)", "AccessKey", "SecretKey")
        {
            IdVariable = "HUAWEICLOUD_SDK_AK",
            SecretVariable = "HUAWEICLOUD_SDK_SK",
            SettingVariables = new Dictionary<string, string> { ["ProjectId"] = "HUAWEICLOUD_SDK_PROJECT_ID" },
        };

        /// <summary>An IAM user name and password, which also need the account (domain) name (docs/huaweicloud.md §7.1).</summary>
        public static CredentialKind Password { get; } = new CredentialKind("HuaweiPassword", "Huawei Cloud IAM user name/password", "UserName", "Password")
        {
            NeedsDomainName = true,
        };

        /// <summary>
        /// RecognizeBankcard (ocr.{region}.myhuaweicloud.com/v2/{project_id}/ocr/bankcard): Base64 at most 10 MB,
        /// shortest side at least 15 px, longest side at most 8192 px, JPG/JPEG/PNG/BMP/TIFF.
        /// Source: support.huaweicloud.com/api-ocr/ocr_03_0104.html. The raw limit is derived
        /// from the Base64 one; the "file ≤ 7 MB recommended" is advice and not enforced.
        /// </summary>
        public static ImageLimits Limits { get; } = new ImageLimits(
            HuaweiProvider.ProviderName,
            new[] { ImageFormat.Jpeg, ImageFormat.Png, ImageFormat.Bmp, ImageFormat.Tiff },
            maxImageBytes: ImageLimits.LargestRawFor(10 * ImageLimits.Megabyte),
            maxEncodedBytes: 10 * ImageLimits.Megabyte,
            minSide: 15,
            maxSide: 8192);

        /// <summary>
        /// Huawei publishes no default QPS, and ModelArts.4401 is about concurrent requests (docs/huaweicloud.md §4): a
        /// modest 4 in flight, with 4401 and APIG.0308 retried with backoff when an account's limit is lower.
        /// No rate is imposed: none is documented (§4, "Limits"); the throttle bounds the load.
        /// </summary>
        internal const int ThrottleLimit = 4;

        /// <inheritdoc />
        public override string Name => HuaweiProvider.ProviderName;

        /// <inheritdoc />
        public override IReadOnlyList<CredentialKind> CredentialKinds { get; } = new[] { AccessKeys, Password };

        /// <inheritdoc />
        public override IReadOnlyList<string> SecretSettings { get; } = new[] { "ProjectId" };

        /// <inheritdoc />
        public override IReadOnlyList<string> Regions => HuaweiRegions.OcrRegionIds;

        /// <inheritdoc />
        public override ImageLimits ImageLimits => Limits;

        /// <inheritdoc />
        public override int DefaultThrottleLimit => ThrottleLimit;

        /// <inheritdoc />
        public override Type ParametersType => typeof(HuaweiParameters);

        /// <inheritdoc />
        /// <remarks>-Token wins over any credential (docs/design.md, "Public contract", credentials step 1); it cannot be renewed.</remarks>
        public override string CredentialParameter => nameof(HuaweiParameters.Token);

        /// <inheritdoc />
        public override void CheckParameters(ProviderSettings settings)
        {
            if (settings.Parameters<HuaweiParameters>().Token != null)
            {
                settings.Log.Debug("Credential: the IAM token passed with -Token; -Credential and -SecretName are not used.");
            }
        }

        /// <summary>
        /// The IAM password form needs the account name too (docs/huaweicloud.md §7.1); Invoke takes it from the
        /// secret's DomainName key, as -Credential there always means AK/SK. Get-HuaweiIamToken also takes -DomainName.
        /// </summary>
        public override void CheckCredential(ProviderSettings settings)
        {
            var credential = settings.Credential;
            if (credential != null && credential.Kind.NeedsDomainName && string.IsNullOrWhiteSpace(credential.DomainName))
            {
                throw new ProviderSettingException(
                    "DomainNameRequired",
                    $"{credential.Source} holds an IAM user name and password but no DomainName. Add DomainName (the account name, which for an IAM user differs from the user name), or pass -Token from Get-HuaweiIamToken -DomainName.");
            }
        }

        /// <summary>
        /// Builds the provider and connects it, so a refused password, key or token ends the call once instead of
        /// failing every image.
        /// </summary>
        /// <exception cref="BankcardOcrException">IAM refused, or the project id could not be found.</exception>
        /// <exception cref="ArgumentException">The region has no known endpoint and no override was given.</exception>
        public override async Task<IRecognitionProvider> CreateAsync(ProviderSettings settings, CancellationToken cancellationToken)
        {
            var credential = settings.Credential;
            var parameters = settings.Parameters<HuaweiParameters>();
            var token = parameters.Token;
            var iamEndpoint = parameters.IamEndpoint;
            var region = settings.Region ?? credential?.Region ?? (token?.Region is { Length: > 0 } r ? r : HuaweiRegions.DefaultRegion);
            var options = new HuaweiOptions
            {
                Region = region,
                Endpoint = settings.Endpoint,
                IamEndpoint = iamEndpoint,
                ProjectId = parameters.ProjectId ?? credential?.ProjectId,
                ReturnTextLocation = parameters.IncludeTextLocation,
            };

            if (token != null)
            {
                options.TokenSource = HuaweiTokenSource.FromToken(token);
                settings.Log.Debug($"Using the IAM token passed with -Token ({token}).");
            }
            else if (credential!.Kind == Password)
            {
                options.TokenSource = TokenSource(credential, credential.DomainName!, region, iamEndpoint, options.ProjectId, projectName: null);
                options.TokenSource.RequestTimeout = settings.Requests.Timeout;
                settings.Log.Debug(options.TokenSource.Peek() is HuaweiIamToken cached
                    ? $"Using the cached IAM token ({cached})."
                    : $"Requesting an IAM token from {options.TokenSource.IamEndpoint.GetLeftPart(UriPartial.Authority)} for {options.TokenSource.Scope}.");
            }
            else
            {
                options.AccessKey = credential.KeyId;
                options.SecretKey = credential.GetSecret();
            }

            var provider = new HuaweiProvider(options);
            try
            {
                // The shared stages retry IAM's throttling (IAM.0012) and server errors like any provider call.
                using var stages = CreateStages(settings.Requests, requestsPerSecond: null);
                await stages.ExecuteAsync(
                    async (attempt, attemptCancellation) =>
                    {
                        await provider.ConnectAsync(attemptCancellation).ConfigureAwait(false);
                        return true;
                    },
                    settings.Log,
                    cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                provider.Dispose();
                throw;
            }

            settings.Log.Verbose($"Huawei project {provider.ProjectId} in {region}, {(options.TokenSource != null ? "IAM token" : "AK/SK signature")} authentication.");
            return provider;
        }

        /// <summary>
        /// Where a password token comes from: the IAM endpoint of <paramref name="region"/> (or <paramref name="iamEndpoint"/>),
        /// scoped to the project by id when one is known, else by name (by default the region's own project, §7.1).
        /// Invoke-BankcardRecognition and Get-HuaweiIamToken both get their tokens this way, and share the session's cache.
        /// </summary>
        /// <exception cref="ArgumentException">No IAM endpoint is known for the region and none was given.</exception>
        public static HuaweiTokenSource TokenSource(ProviderCredential credential, string domainName, string region, Uri? iamEndpoint, string? projectId, string? projectName)
        {
            var iam = iamEndpoint ?? HuaweiRegions.GetIamEndpoint(region);
            var scope = projectId != null ? HuaweiProjectScope.ById(projectId) : HuaweiProjectScope.ByName(projectName ?? region);
            return HuaweiTokenSource.FromPassword(iam, credential.KeyId, credential.GetSecret(), domainName, scope, region);
        }

        /// <summary>A token from <paramref name="source"/> (the session's cached one unless <paramref name="force"/>), through this provider's stages, which retry IAM's throttling and server errors.</summary>
        public async Task<HuaweiIamToken> GetTokenAsync(HuaweiTokenSource source, bool force, RequestSettings requests, RecognitionLog log, CancellationToken cancellationToken)
        {
            using var stages = CreateStages(requests, requestsPerSecond: null);
            var (token, _) = await stages.ExecuteAsync((attempt, token) => source.GetTokenAsync(force, token), log, cancellationToken).ConfigureAwait(false);
            return token;
        }

        /// <summary>
        /// The one instance: the registry lists it and the providers it builds point back to it. Declared after every
        /// other static member, which the instance's own initializers read.
        /// </summary>
        public static HuaweiDescriptor Instance { get; } = new HuaweiDescriptor();
    }
}
