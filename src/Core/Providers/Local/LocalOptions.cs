using System;

namespace BankcardOcr.Providers.Local
{
    /// <summary>How the Local provider is set up by the cmdlet (or a test).</summary>
    public sealed class LocalOptions
    {
        /// <summary>The folder holding <c>models/</c> and <c>runtimes/</c>: the module folder.</summary>
        public string ModuleDirectory { get; set; } = string.Empty;

        /// <summary>Images recognised in parallel (the batch's throttle limit); sizes ONNX Runtime's intra-op threads.</summary>
        public int Parallelism { get; set; } = Environment.ProcessorCount;

        /// <summary>Return the best reading that fails the number checks, flagged Unverified, instead of NoCardFound.</summary>
        public bool IncludeUnverified { get; set; }

        /// <summary>
        /// Whether number lines are also read by the card-digit model and judged by both readers' agreement (the
        /// module always does; bench/Accuracy turns it off to measure what the second reader changes).
        /// </summary>
        internal bool JoinsDigitReader { get; set; } = true;

        /// <summary>
        /// ONNX Runtime threads per inference: the cores shared out among the images in parallel, at least one, so
        /// that <c>-ThrottleLimit</c> images at once use every core without oversubscribing them.
        /// </summary>
        public int IntraOpThreads => Math.Max(1, Environment.ProcessorCount / Math.Max(1, Parallelism));
    }
}
