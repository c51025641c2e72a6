using System;
using System.Diagnostics;
using System.IO;
using Microsoft.ML.OnnxRuntime;

namespace BankcardOcr.Providers.Local
{
    /// <summary>
    /// The card-digit line model (trained by this project, tools/DigitReader), loaded once per process (per intra-op
    /// thread count) on first use and shared by every invocation after it, with the session options the PP-OCRv4
    /// sessions use. InferenceSession.Run is safe to call from several threads at once.
    /// </summary>
    internal sealed class DigitModel
    {
        public const string File = "card-digits.onnx";

        private static readonly LoadedOnce<DigitModel> Loaded = new LoadedOnce<DigitModel>();

        private DigitModel(InferenceSession session, long loadMilliseconds)
        {
            Session = session;
            LoadMilliseconds = loadMilliseconds;
        }

        public InferenceSession Session { get; }

        /// <summary>How long loading took, for -Verbose and the benchmark.</summary>
        public long LoadMilliseconds { get; }

        /// <summary>The shared model under <paramref name="moduleDirectory"/>, loading it the first time.</summary>
        /// <exception cref="BankcardOcrException">ProviderError: the runtime or the model file cannot be loaded.</exception>
        public static DigitModel Get(string moduleDirectory, int intraOpThreads) =>
            Loaded.Get(Path.GetFullPath(moduleDirectory) + "|" + intraOpThreads, () => Load(moduleDirectory, intraOpThreads));

        private static DigitModel Load(string moduleDirectory, int intraOpThreads)
        {
            OnnxNativeLoader.Prepare(moduleDirectory);
            var watch = Stopwatch.StartNew();
            var path = Path.Combine(Path.Combine(moduleDirectory, "models"), File);
            if (!System.IO.File.Exists(path))
            {
                throw OnnxNativeLoader.Unavailable($"the model file {path} is missing; reinstall the module");
            }

            try
            {
                // The PP-OCRv4 recognizer's options: threads sized by the caller, idle threads sleep, and no memory
                // pattern, since every line width is a new input shape and patterns per shape only grow the arena.
                using var options = OcrModels.Options(intraOpThreads);
                return new DigitModel(new InferenceSession(path, options), watch.ElapsedMilliseconds);
            }
            catch (Exception e) when (e is OnnxRuntimeException || e is DllNotFoundException || e is EntryPointNotFoundException || e is BadImageFormatException || e is TypeInitializationException)
            {
                throw OnnxNativeLoader.Unavailable("ONNX Runtime failed to load the digit model: " + e.Message, e);
            }
        }
    }
}
