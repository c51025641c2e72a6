using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using Microsoft.ML.OnnxRuntime;

namespace BankcardOcr.Providers.Local
{
    /// <summary>
    /// The PP-OCRv4 detection and recognition sessions and the recognizer's character columns, loaded once per
    /// process (per intra-op thread count) on first use and shared by every invocation after it. InferenceSession.Run
    /// is safe to call from several threads at once.
    /// </summary>
    internal sealed class OcrModels
    {
        public const string DetectorFile = "ch_PP-OCRv4_det_infer.onnx";
        public const string RecognizerFile = "ch_PP-OCRv4_rec_infer.onnx";
        public const string KeysFile = "ppocr_keys_v1.txt";

        private static readonly LoadedOnce<OcrModels> Loaded = new LoadedOnce<OcrModels>();

        private OcrModels(InferenceSession detector, InferenceSession recognizer, RecognizerColumns columns, long loadMilliseconds)
        {
            Detector = detector;
            Recognizer = recognizer;
            Columns = columns;
            LoadMilliseconds = loadMilliseconds;
        }

        public InferenceSession Detector { get; }

        public InferenceSession Recognizer { get; }

        public RecognizerColumns Columns { get; }

        /// <summary>How long loading took, for -Verbose and the benchmark.</summary>
        public long LoadMilliseconds { get; }

        /// <summary>The shared models under <paramref name="moduleDirectory"/>, loading them the first time.</summary>
        /// <exception cref="BankcardOcrException">ProviderError: the runtime or a model file cannot be loaded.</exception>
        public static OcrModels Get(string moduleDirectory, int intraOpThreads) =>
            Loaded.Get(Path.GetFullPath(moduleDirectory) + "|" + intraOpThreads, () => Load(moduleDirectory, intraOpThreads));

        private static OcrModels Load(string moduleDirectory, int intraOpThreads)
        {
            OnnxNativeLoader.Prepare(moduleDirectory);
            var watch = Stopwatch.StartNew();
            var models = Path.Combine(moduleDirectory, "models");
            var keys = Path.Combine(models, KeysFile);
            foreach (var file in new[] { DetectorFile, RecognizerFile, KeysFile })
            {
                if (!File.Exists(Path.Combine(models, file)))
                {
                    throw OnnxNativeLoader.Unavailable($"the model file {Path.Combine(models, file)} is missing; reinstall the module");
                }
            }

            try
            {
                // Detection runs one at a time in the process (PpOcrTextDetector's gate), so it may use every core: a
                // single photo then costs what it does at -ThrottleLimit 1. Recognition runs for several photos at once,
                // so its threads are the cores shared out among them.
                using var detectorOptions = Options(Environment.ProcessorCount);
                using var recognizerOptions = Options(intraOpThreads);
                var detector = new InferenceSession(Path.Combine(models, DetectorFile), detectorOptions);
                var recognizer = new InferenceSession(Path.Combine(models, RecognizerFile), recognizerOptions);
                var columns = RecognizerColumns.FromKeys(File.ReadAllLines(keys, Encoding.UTF8));
                return new OcrModels(detector, recognizer, columns, watch.ElapsedMilliseconds);
            }
            catch (Exception e) when (e is OnnxRuntimeException || e is DllNotFoundException || e is EntryPointNotFoundException || e is BadImageFormatException || e is TypeInitializationException)
            {
                throw OnnxNativeLoader.Unavailable("ONNX Runtime failed to load the models: " + e.Message, e);
            }
        }

        /// <summary>The session options of every model: <paramref name="intraOpThreads"/> threads per inference, no inter-op parallelism (these graphs are sequential).</summary>
        internal static SessionOptions Options(int intraOpThreads)
        {
            var options = new SessionOptions
            {
                IntraOpNumThreads = Math.Max(1, intraOpThreads),
                InterOpNumThreads = 1,
                ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
                GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            };

            // Idle intra-op threads sleep instead of spinning: spinning burns the cores the other images in
            // parallel (and other processes) need, for no gain on inferences of this size.
            options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");

            // No memory pattern: a pattern plans a run's activations as one block per input shape, and the
            // photos and line widths give a new shape on nearly every run, so blocks of ever new sizes kept
            // extending the arena (docs/performance.md: 192 MB mapped by the arenas over 200 photos, 96 MB without
            // patterns). One arena shared by both sessions (use_env_allocators) lowered the peak by another
            // 30-60 MB but cost about 7 % of the CPU, so each session keeps its own.
            options.EnableMemoryPattern = false;
            return options;
        }
    }
}
