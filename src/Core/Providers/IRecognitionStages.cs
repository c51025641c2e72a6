using System;
using System.Threading;
using System.Threading.Tasks;
using BankcardOcr.Calls;

namespace BankcardOcr.Providers
{
    /// <summary>
    /// What every recognition of one call passes through on its way to the provider. A cloud provider's requests
    /// get retry, the rate limit and a per-attempt timeout (<c>BankcardOcr.Cloud.Http.RequestStages</c>); the offline
    /// recognizer reads each photo once, stopped only by Ctrl+C or the user's per-photo limit. The descriptor chooses
    /// (<see cref="ProviderDescriptor.CreateStages"/>).
    /// </summary>
    public interface IRecognitionStages : IDisposable
    {
        /// <summary>Runs <paramref name="attempt"/> (given the 0-based attempt number) until it succeeds or the stages give up.</summary>
        /// <param name="attempt">One provider call.</param>
        /// <param name="log">Where retries and limits are reported; its subject names the image.</param>
        /// <param name="cancellationToken">The call's cancellation (Ctrl+C, or the end of a batch).</param>
        /// <returns>The result and the number of attempts it took.</returns>
        Task<(T Result, int Attempts)> ExecuteAsync<T>(Func<int, CancellationToken, Task<T>> attempt, RecognitionLog log, CancellationToken cancellationToken);

        /// <summary>How the stages run, for -Verbose, e.g. <c>3 retries, 30 s per attempt</c>.</summary>
        string Description { get; }
    }
}
