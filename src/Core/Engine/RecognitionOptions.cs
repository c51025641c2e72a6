using System;
using BankcardOcr.Providers;

namespace BankcardOcr.Engine
{
    /// <summary>How a batch runs. Null values take the provider's defaults.</summary>
    public sealed class RecognitionOptions
    {
        /// <summary>The most requests in flight across the whole pipeline.</summary>
        public int? ThrottleLimit { get; set; }

        /// <summary>The most requests started per second across the pipeline; 0 for no limit.</summary>
        public double? MaxRequestsPerSecond { get; set; }

        /// <summary>Retries, per-attempt time and retry delays: the user's settings for every request.</summary>
        public RequestSettings Requests { get; set; } = new RequestSettings();

        /// <summary>Retries after the first attempt for retryable failures (rate limits, server errors, timeouts).</summary>
        public int MaxRetries
        {
            get => Requests.MaxRetries;
            set => Requests.MaxRetries = value;
        }

        /// <summary>The time one attempt may take.</summary>
        public TimeSpan Timeout
        {
            get => Requests.Timeout;
            set => Requests.Timeout = value;
        }

        /// <summary>Write outcomes in input order rather than as they complete.</summary>
        public bool Ordered { get; set; }

        /// <summary>Replace card numbers in results by their masked form.</summary>
        public bool MaskCardNumber { get; set; }

        /// <summary>The first retry's delay; later ones double, with jitter.</summary>
        public TimeSpan RetryBaseDelay
        {
            get => Requests.RetryBaseDelay;
            set => Requests.RetryBaseDelay = value;
        }
    }
}
