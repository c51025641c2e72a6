using System;

namespace BankcardOcr.Providers
{
    /// <summary>
    /// The user's retry and time settings for every request a call sends: recognitions and the IAM calls made before
    /// them alike. Built once per cmdlet call (from <c>-MaxRetries</c> and <c>-TimeoutSec</c>, or these defaults) and
    /// turned into the call's stages by the provider's descriptor (<see cref="ProviderDescriptor.CreateStages"/>).
    /// </summary>
    public sealed class RequestSettings
    {
        /// <summary>Retries after the first attempt for retryable failures (rate limits, server errors, timeouts); 3 by default.</summary>
        public int MaxRetries { get; set; } = 3;

        /// <summary>The time one attempt may take; 30 s by default.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>
        /// Whether the user set the time (<c>-TimeoutSec</c>). The offline recognizer has no time limit of its own and
        /// applies one per photo only then; the cloud providers always apply <see cref="Timeout"/>.
        /// </summary>
        public bool IsTimeoutGiven { get; set; }

        /// <summary>The first retry's delay before jitter; later ones double. 0.5 s by default.</summary>
        public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(0.5);

        /// <summary>
        /// The clock retry delays are waited on; the system clock by default. Tests pass one that records each delay
        /// and returns at once, so they can check the delay taken without waiting for it.
        /// </summary>
        public TimeProvider RetryClock { get; set; } = TimeProvider.System;
    }
}
