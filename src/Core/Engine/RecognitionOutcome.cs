using System.Collections.Generic;
using BankcardOcr.Calls;

namespace BankcardOcr.Engine
{
    /// <summary>Exactly one of these exists per submitted input: a result or an error, with the worker's messages.</summary>
    public sealed class RecognitionOutcome
    {
        internal RecognitionOutcome(long sequence, RecognitionInput input, BankcardRecognitionResult? result, BankcardOcrException? error, IReadOnlyList<LogEntry> log)
        {
            Sequence = sequence;
            Input = input;
            Result = result;
            Error = error;
            Log = log;
        }

        /// <summary>The input's position in submission order, from 0.</summary>
        public long Sequence { get; }

        /// <summary>The input this outcome answers.</summary>
        public RecognitionInput Input { get; }

        /// <summary>The result, when recognition succeeded.</summary>
        public BankcardRecognitionResult? Result { get; }

        /// <summary>The error, when it failed.</summary>
        public BankcardOcrException? Error { get; }

        /// <summary>Messages recorded while working on this input, to be written before the outcome.</summary>
        public IReadOnlyList<LogEntry> Log { get; }
    }
}
