using System;
using System.Management.Automation;
using System.Runtime.ExceptionServices;
using System.Threading.Tasks;

namespace BankcardOcr.Commands
{
    /// <summary>
    /// The one place a cmdlet waits for Core's asynchronous work (building a provider, an IAM call) before it can
    /// go on. The work runs on the thread pool with <c>ConfigureAwait(false)</c> throughout, so nothing it awaits
    /// needs the pipeline thread; the pipeline thread waits in short slices, as it does for a batch, and a Ctrl+C
    /// (StopProcessing cancels the work's token) ends the wait as soon as the work notices.
    /// </summary>
    internal static class PipelineWait
    {
        private static readonly TimeSpan Slice = TimeSpan.FromMilliseconds(250);

        /// <summary>The task's result, or the exception it failed with (not wrapped in an AggregateException).</summary>
        /// <param name="task">The work, already started.</param>
        /// <param name="cmdlet">The waiting cmdlet: once it is stopping, the wait ends with PipelineStoppedException.</param>
        internal static T For<T>(Task<T> task, Cmdlet cmdlet)
        {
            while (!((IAsyncResult)task).AsyncWaitHandle.WaitOne(Slice))
            {
                if (cmdlet.Stopping)
                {
                    // The token is cancelled; the work ends on its own and nothing waits for it any more.
                    task.ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
                    throw new PipelineStoppedException();
                }
            }

            if (task.IsFaulted && task.Exception!.InnerExceptions.Count == 1)
            {
                ExceptionDispatchInfo.Capture(task.Exception.InnerException!).Throw();
            }

            if (task.IsCanceled)
            {
                throw new OperationCanceledException();
            }

            return task.Result;
        }
    }
}
