using System;
using System.Collections.Generic;
using System.Threading;
using BankcardOcr.Imaging;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace BankcardOcr.Providers.Local
{
    /// <summary>PP-OCRv4 DB text detection: the image scaled to a long side, normalised as PaddleOCR's ImageNet statistics, run, and boxed.</summary>
    internal sealed class PpOcrTextDetector : ITextDetector
    {
        /// <summary>
        /// PaddleOCR's unclip ratio: DB's maps shrink text regions during training, and boxes are grown back by
        /// area × ratio / perimeter.
        /// </summary>
        public const float UnclipRatio = 1.5f;

        private static readonly float[] Mean = { 0.485f, 0.456f, 0.406f };
        private static readonly float[] Std = { 0.229f, 0.224f, 0.225f };

        /// <summary>Serialises detection runs (see <see cref="Detect"/>).</summary>
        private static readonly SemaphoreSlim DetectionGate = new SemaphoreSlim(1, 1);

        private readonly InferenceSession _session;

        public PpOcrTextDetector(InferenceSession session) => _session = session;

        /// <inheritdoc />
        public string Name => "ppocr-det";

        /// <summary>The probability map of <paramref name="image"/> scaled so its long side is <paramref name="longSide"/> (dimensions rounded to multiples of 32).</summary>
        public ITextMap Detect(RgbImage image, int longSide)
        {
            var session = _session;
            var scale = (float)longSide / Math.Max(image.Width, image.Height);
            var width = Math.Max(32, (int)Math.Round(image.Width * scale / 32) * 32);
            var height = Math.Max(32, (int)Math.Round(image.Height * scale / 32) * 32);
            var plane = width * height;
            var input = new float[3 * plane];
            TensorSampler.Sample(image, new TextBox(0, 0, image.Width, image.Height, 1), input, 0, width, plane, width, height, Mean, Std);
            var tensor = new DenseTensor<float>(input, new[] { 1, 3, height, width });

            // One detection at a time per process. Detection is the largest inference (up to 1280 on the long
            // side); run concurrently, every run grew ONNX Runtime's CPU arena by its own activations, which set the
            // batch's peak working set. Serialised, the arena only ever holds one detection's; recognition and the
            // rest of each photo's work still run in parallel, so throughput barely changes (docs/performance.md).
            DetectionGate.Wait();
            try
            {
                using var results = session.Run(new[] { NamedOnnxValue.CreateFromTensor(InputName(session), tensor) });
                foreach (var result in results)
                {
                    var map = result.AsTensor<float>();
                    var values = map is DenseTensor<float> dense ? dense.Buffer.ToArray() : ToArray(map);
                    return new DetectionMap(values, width, height, (float)image.Width / width, (float)image.Height / height);
                }
            }
            finally
            {
                DetectionGate.Release();
            }

            throw new InvalidOperationException("The detector returned no output.");
        }

        internal static string InputName(InferenceSession session)
        {
            foreach (var name in session.InputMetadata.Keys)
            {
                return name;
            }

            throw new InvalidOperationException("The model has no input.");
        }

        private static float[] ToArray(Tensor<float> tensor)
        {
            var values = new float[tensor.Length];
            var i = 0;
            foreach (var v in tensor)
            {
                values[i++] = v;
            }

            return values;
        }
    }

    /// <summary>A detector output and how its pixels map back to the image.</summary>
    internal sealed class DetectionMap : ITextMap
    {
        public DetectionMap(float[] probabilities, int width, int height, float scaleX, float scaleY)
        {
            Probabilities = probabilities;
            Width = width;
            Height = height;
            ScaleX = scaleX;
            ScaleY = scaleY;
        }

        public float[] Probabilities { get; }

        public int Width { get; }

        public int Height { get; }

        public float ScaleX { get; }

        public float ScaleY { get; }

        /// <inheritdoc />
        public List<TextBox> Boxes(float threshold, float boxThreshold)
        {
            var boxes = TextBoxFinder.Find(Probabilities, Width, Height, threshold, boxThreshold, PpOcrTextDetector.UnclipRatio);
            for (var i = 0; i < boxes.Count; i++)
            {
                boxes[i] = boxes[i].Scaled(ScaleX, ScaleY);
            }

            return boxes;
        }
    }
}
