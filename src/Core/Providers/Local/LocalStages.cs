using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using BankcardOcr.Calls;

namespace BankcardOcr.Providers.Local
{
    /// <summary>
    /// The offline recognizer's stages: one read per photo. Nothing is retried (reading a photo again gives the same
    /// answer at the same cost), nothing is rate-limited (no service counts the reads), and there is no time limit
    /// unless the user set one with <c>-TimeoutSec</c>, which then bounds each photo and names it when it ends.
    /// </summary>
    internal sealed class LocalStages : IRecognitionStages
    {
        private readonly TimeSpan? _perPhoto;

        public LocalStages(TimeSpan? perPhoto) => _perPhoto = perPhoto is TimeSpan t && t > TimeSpan.Zero ? t : (TimeSpan?)null;

        /// <inheritdoc />
        public string Description => _perPhoto is TimeSpan t
            ? string.Format(CultureInfo.InvariantCulture, "each photo read once, at most {0:0.###} s per photo", t.TotalSeconds)
            : "each photo read once, no time limit";

        /// <inheritdoc />
        public async Task<(T Result, int Attempts)> ExecuteAsync<T>(Func<int, CancellationToken, Task<T>> attempt, RecognitionLog log, CancellationToken cancellationToken)
        {
            if (!(_perPhoto is TimeSpan limit))
            {
                return (await attempt(0, cancellationToken).ConfigureAwait(false), 1);
            }

            using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timer.CancelAfter(limit);
            try
            {
                return (await attempt(0, timer.Token).ConfigureAwait(false), 1);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && timer.IsCancellationRequested)
            {
                var subject = log.Subject ?? "The photo";
                throw new BankcardOcrException(
                    BankcardOcrErrorKind.Timeout,
                    string.Format(CultureInfo.InvariantCulture, "{0}: reading the photo took longer than the {1:0.###} s -TimeoutSec allows; it was stopped.", subject, limit.TotalSeconds),
                    LocalDescriptor.ProviderName,
                    innerException: e)
                {
                    RecommendedAction = "Raise -TimeoutSec, or leave it out: the Local recognizer has no time limit unless one is given.",
                };
            }
        }

        /// <summary>Nothing to release.</summary>
        public void Dispose()
        {
        }
    }
}
