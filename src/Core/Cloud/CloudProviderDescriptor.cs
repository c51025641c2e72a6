using BankcardOcr.Cloud.Http;
using BankcardOcr.Providers;

namespace BankcardOcr.Cloud
{
    /// <summary>
    /// The descriptor of a provider that sends each image to a service: its recognitions go through the shared
    /// request stages (retry with backoff, the pipeline-wide request rate, a per-attempt timeout), and the
    /// credential, secret, region, endpoint, rate and retry parameters are its own.
    /// </summary>
    public abstract class CloudProviderDescriptor : ProviderDescriptor
    {
        /// <inheritdoc />
        public sealed override bool SendsRequests => true;

        /// <summary>Retry with backoff, the request rate (<paramref name="requestsPerSecond"/>) and a per-attempt timeout.</summary>
        /// <param name="settings">The user's retries and time.</param>
        /// <param name="requestsPerSecond">The call's request rate; null or 0 for none.</param>
        public override IRecognitionStages CreateStages(RequestSettings settings, double? requestsPerSecond) =>
            new RequestStages(Name, settings, requestsPerSecond);
    }
}
