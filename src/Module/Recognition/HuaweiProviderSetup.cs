using System;
using BankcardOcr.Credentials;
using BankcardOcr.Http;
using BankcardOcr.Providers;
using BankcardOcr.Providers.Huawei;

namespace BankcardOcr.Recognition
{
    /// <summary>
    /// Builds the Huawei provider from what the cmdlet gathered and connects it before the batch starts, so
    /// a refused password, key or token ends the call once (a terminating error) instead of failing every image.
    /// </summary>
    internal static class HuaweiProviderSetup
    {
        /// <summary>The provider, connected.</summary>
        /// <exception cref="BankcardOcrException">IAM refused, or the project id could not be found.</exception>
        /// <exception cref="ArgumentException">The region has no known endpoint and no override was given.</exception>
        public static IRecognitionProvider Create(ProviderSettings settings)
        {
            var credential = settings.Credential;
            var token = settings.Token;
            var region = settings.Region ?? credential?.Region ?? (token?.Region is { Length: > 0 } r ? r : HuaweiRegions.DefaultRegion);
            var options = new HuaweiOptions
            {
                Region = region,
                Endpoint = settings.Endpoint,
                IamEndpoint = settings.IamEndpoint,
                ProjectId = settings.ProjectId ?? credential?.ProjectId,
                ReturnTextLocation = settings.ReturnTextLocation,
            };

            if (token != null)
            {
                // -Token wins over any credential (DESIGN.md, "Credentials", step 1); it cannot be renewed.
                options.TokenSource = HuaweiTokenSource.FromToken(token);
                settings.Log.Debug($"Using the IAM token passed with -Token ({token}).");
            }
            else if (credential!.Kind == CredentialKind.HuaweiPassword)
            {
                var iam = settings.IamEndpoint ?? HuaweiRegions.GetIamEndpoint(region);
                // A project id, when known, scopes the token exactly; otherwise the region names the project (§7.1).
                var scope = options.ProjectId != null ? HuaweiProjectScope.ById(options.ProjectId) : HuaweiProjectScope.ByName(region);
                options.TokenSource = HuaweiTokenSource.FromPassword(iam, credential.KeyId, credential.GetSecret(), credential.DomainName!, scope, region);
                options.TokenSource.RequestTimeout = settings.Timeout;
                settings.Log.Debug(options.TokenSource.Peek() is HuaweiIamToken cached
                    ? $"Using the cached IAM token ({cached})."
                    : $"Requesting an IAM token from {iam.GetLeftPart(UriPartial.Authority)} for {scope}.");
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
                using var stages = new RequestStages(HuaweiProvider.ProviderName, settings.MaxRetries, TimeSpan.FromSeconds(0.5), settings.Timeout, requestsPerSecond: null);
                stages.ExecuteAsync(
                    async (attempt, cancellationToken) =>
                    {
                        await provider.ConnectAsync(cancellationToken).ConfigureAwait(false);
                        return true;
                    },
                    settings.Log,
                    settings.CancellationToken).GetAwaiter().GetResult();
            }
            catch
            {
                provider.Dispose();
                throw;
            }

            settings.Log.Verbose($"Huawei project {provider.ProjectId} in {region}, {(options.TokenSource != null ? "IAM token" : "AK/SK signature")} authentication.");
            return provider;
        }
    }
}
