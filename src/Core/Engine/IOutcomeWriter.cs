using BankcardOcr.Calls;

namespace BankcardOcr.Engine
{
    /// <summary>
    /// Where a <see cref="RecognitionSession"/> hands what it has, always on the thread that called
    /// <see cref="RecognitionSession.Submit"/> or <see cref="RecognitionSession.Drain"/>: a cmdlet's pipeline thread,
    /// which alone may write to PowerShell's streams.
    /// </summary>
    public interface IOutcomeWriter
    {
        /// <summary>Whether the caller is stopping (Ctrl+C): waits end and nothing more is written.</summary>
        bool Stopping { get; }

        /// <summary>Writes one input's outcome (its log entries first).</summary>
        void Write(RecognitionOutcome outcome);

        /// <summary>Reports progress.</summary>
        void Progress(SessionProgress progress);

        /// <summary>
        /// Whether <paramref name="input"/> may be sent to <paramref name="provider"/> (a second provider, for an input
        /// the first could not verify); the place for <c>-WhatIf</c> and <c>-Confirm</c>. An input not sent keeps the
        /// first provider's outcome.
        /// </summary>
        bool ShouldSend(RecognitionInput input, string provider);

        /// <summary>The call cannot go on (authentication failed for every request); the writer ends it, typically by throwing.</summary>
        void Fatal(BankcardOcrException error, RecognitionInput input);
    }

    /// <summary>Where a session stands.</summary>
    public readonly struct SessionProgress
    {
        /// <summary>Creates a snapshot.</summary>
        public SessionProgress(long completed, int running, long sentToSecond)
        {
            Completed = completed;
            Running = running;
            SentToSecond = sentToSecond;
        }

        /// <summary>Outcomes written so far.</summary>
        public long Completed { get; }

        /// <summary>Recognitions running right now, over both providers.</summary>
        public int Running { get; }

        /// <summary>Inputs sent to the second provider so far (with a fallback, the ones the first could not verify).</summary>
        public long SentToSecond { get; }
    }
}
