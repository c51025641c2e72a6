using System;
using System.Collections.Generic;
using System.Linq;
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

        /// <summary>Serialises detection runs (see <see cref="Run"/>).</summary>
        private static readonly SemaphoreSlim DetectionGate = new SemaphoreSlim(1, 1);

        private readonly InferenceSession _session;

        public PpOcrTextDetector(InferenceSession session) => _session = session;

        /// <inheritdoc />
        public string Name => "ppocr-det";

        /// <summary>
        /// The most input pixels one detection run is given: the 960 pass's on a square photo. A run's activations
        /// take about 200 bytes of ONNX Runtime's arena per input pixel, and the arena keeps what its largest run took
        /// (a 1280 × 960 run left it about 200 MB larger for good; docs/performance.md), so a larger map is detected in
        /// overlapping strips of at most this size and joined.
        /// </summary>
        public const int MaximumPixelsPerRun = 960 * 960;

        /// <summary>
        /// Pixels two neighbouring strips share. Each keeps the map of its own half of the overlap, so every map pixel
        /// comes from a run that saw at least half this much around it; a text line crossing the join is found as in
        /// one run.
        /// </summary>
        public const int StripOverlap = 128;

        /// <summary>The probability map of <paramref name="image"/> scaled so its long side is <paramref name="longSide"/> (dimensions rounded to multiples of 32).</summary>
        public ITextMap Detect(RgbImage image, int longSide) => Detect(image, longSide, Run);

        /// <summary>
        /// The map of <paramref name="image"/> at <paramref name="longSide"/>, from one <paramref name="run"/> or, for a map
        /// over <see cref="MaximumPixelsPerRun"/>, from strips. <paramref name="run"/> gives the map of a region of the
        /// image sampled to a width × height.
        /// </summary>
        internal static DetectionMap Detect(RgbImage image, int longSide, Func<RgbImage, TextBox, int, int, float[]> run)
        {
            var scale = (float)longSide / Math.Max(image.Width, image.Height);
            var width = Math.Max(32, (int)Math.Round(image.Width * scale / 32) * 32);
            var height = Math.Max(32, (int)Math.Round(image.Height * scale / 32) * 32);
            var across = width >= height;
            var length = across ? width : height;
            var breadth = across ? height : width;
            var strips = Strips(length, breadth);
            var values = strips.Count == 1 ? null : new float[width * height];
            var unitX = (float)image.Width / width;
            var unitY = (float)image.Height / height;
            foreach (var (start, size, keepFrom, keepTo) in strips)
            {
                var (stripWidth, stripHeight) = across ? (size, height) : (width, size);
                var region = across
                    ? new TextBox(start * unitX, 0, (start + size) * unitX, image.Height, 1)
                    : new TextBox(0, start * unitY, image.Width, (start + size) * unitY, 1);
                var map = run(image, region, stripWidth, stripHeight);
                if (values is null)
                {
                    return new DetectionMap(map, width, height, unitX, unitY);
                }

                // Keep the strip's own share of the map: a column range of a strip across, a row range of one down.
                if (across)
                {
                    for (var y = 0; y < height; y++)
                    {
                        Array.Copy(map, y * size + keepFrom - start, values, y * width + keepFrom, keepTo - keepFrom);
                    }
                }
                else
                {
                    Array.Copy(map, (keepFrom - start) * width, values, keepFrom * width, (keepTo - keepFrom) * width);
                }
            }

            return new DetectionMap(values!, width, height, unitX, unitY);
        }

        /// <summary>
        /// How a map <paramref name="length"/> long and <paramref name="breadth"/> across (both multiples of 32) is cut:
        /// strips (start, size) of one size in multiples of 32, each within <see cref="MaximumPixelsPerRun"/>, starting
        /// on multiples of 32 (the network's stride, so a strip's map lies on the whole map's grid) and overlapping by
        /// at least <see cref="StripOverlap"/>, with the range [keepFrom, keepTo) each contributes: up to the middle
        /// of each overlap. One strip when the whole map fits.
        /// </summary>
        internal static List<(int Start, int Size, int KeepFrom, int KeepTo)> Strips(int length, int breadth)
        {
            var fits = Math.Max(StripOverlap + 32, MaximumPixelsPerRun / Math.Max(1, breadth) / 32 * 32);
            if (length <= fits)
            {
                return new List<(int, int, int, int)> { (0, length, 0, length) };
            }

            // Enough strips that each fits; then the smallest size that still overlaps by StripOverlap.
            var count = (length - StripOverlap + fits - StripOverlap - 1) / (fits - StripOverlap);
            var size = Math.Min(length, ((length + (count - 1) * StripOverlap + count - 1) / count + 31) / 32 * 32);
            var starts = Enumerable.Range(0, count)
                .Select(i => i == count - 1 ? length - size : (int)((long)(length - size) * i / (count - 1)) / 32 * 32)
                .ToArray();
            var strips = new List<(int, int, int, int)>(count);
            for (var i = 0; i < count; i++)
            {
                var keepFrom = i == 0 ? 0 : (starts[i - 1] + size + starts[i]) / 2;
                var keepTo = i == count - 1 ? length : (starts[i] + size + starts[i + 1]) / 2;
                strips.Add((starts[i], size, keepFrom, keepTo));
            }

            return strips;
        }

        /// <summary>One detection run over <paramref name="region"/> of the image sampled to <paramref name="width"/> × <paramref name="height"/>.</summary>
        private float[] Run(RgbImage image, TextBox region, int width, int height)
        {
            var session = _session;
            var plane = width * height;
            var input = new float[3 * plane];
            TensorSampler.Sample(image, region, input, 0, width, plane, width, height, Mean, Std);
            var tensor = new DenseTensor<float>(input, new[] { 1, 3, height, width });

            // One detection at a time per process. Run concurrently, every run grew ONNX Runtime's CPU arena by its own
            // activations, which set the batch's peak working set. Serialised, the arena only ever holds one
            // detection's; recognition and the rest of each photo's work still run in parallel, so throughput barely
            // changes (docs/performance.md).
            DetectionGate.Wait();
            try
            {
                using var results = session.Run(new[] { NamedOnnxValue.CreateFromTensor(InputName(session), tensor) });
                foreach (var result in results)
                {
                    var map = result.AsTensor<float>();
                    return map is DenseTensor<float> dense ? dense.Buffer.ToArray() : ToArray(map);
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
