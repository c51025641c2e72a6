using System;
using System.Collections.Generic;
using System.Linq;
using BankcardOcr.Imaging;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace BankcardOcr.Providers.Local
{
    /// <summary>
    /// The card-digit model (<see cref="DigitModel"/>) as a line reader: a small CRNN trained on card-number lines
    /// only, ten digits and the gap between groups, so it has no letters to mistake digits for. Each box is cut
    /// exactly as its training lines were (tools/DigitLines calls <see cref="InputWidth"/> and <see cref="Sample"/>),
    /// scaled to <see cref="InputHeight"/> keeping its aspect, batched with boxes of the same crop width and decoded
    /// by greedy CTC.
    /// </summary>
    internal sealed class DigitLineReader : ILineReader
    {
        /// <summary>Crop height the model was trained at.</summary>
        public const int InputHeight = 32;

        /// <summary>Columns per output frame (the model's horizontal stride).</summary>
        public const int FrameWidth = 4;

        /// <summary>Output columns: blank, the digits 0–9, the gap between groups.</summary>
        public const int Classes = 12;

        /// <summary>Card number lines are about 8–16 heights wide; wider boxes are cut here rather than squeezed.</summary>
        private const int MaximumWidth = InputHeight * 32;

        private const int MinimumWidth = 16;

        private const int BatchSize = 8;

        private static readonly float[] Half = { 0.5f, 0.5f, 0.5f };

        private readonly InferenceSession _session;
        private readonly string _inputName;

        /// <summary>A reader over <paramref name="session"/>, the card-digit model's (<see cref="DigitModel.Session"/>); Run is thread-safe, so one reader serves every image.</summary>
        public DigitLineReader(InferenceSession session)
        {
            _session = session ?? throw new ArgumentNullException(nameof(session));
            _inputName = PpOcrTextDetector.InputName(_session);
        }

        /// <summary>
        /// The reader over the card-digit model in <paramref name="moduleDirectory"/>'s <c>models/</c>, the session
        /// loaded once per process and thread count as <see cref="OcrModels"/> loads PP-OCRv4's.
        /// </summary>
        /// <exception cref="BankcardOcrException">ProviderError: the runtime or the model file cannot be loaded.</exception>
        public static DigitLineReader Load(string moduleDirectory, int intraOpThreads) =>
            new DigitLineReader(DigitModel.Get(moduleDirectory, intraOpThreads).Session);

        /// <inheritdoc />
        public string Name => "digits";

        /// <summary>The crop width for <paramref name="line"/>: its aspect at <see cref="InputHeight"/>, within limits.</summary>
        public static int InputWidth(TextBox line) =>
            Math.Min(MaximumWidth, Math.Max(MinimumWidth, (int)Math.Ceiling(InputHeight * line.Width / Math.Max(1, line.Height))));

        /// <summary>
        /// Writes <paramref name="line"/> straightened into a tensor block <see cref="InputHeight"/> rows tall
        /// (<see cref="TensorSampler"/>: BGR planes, bilinear), normalised by <paramref name="mean"/> and <paramref name="std"/>.
        /// </summary>
        public static void Sample(RgbImage image, TextBox line, float[] tensor, int offset, int stride, int width, float[] mean, float[] std) =>
            TensorSampler.Sample(image, line, tensor, offset, stride, InputHeight * stride, width, InputHeight, mean, std);

        /// <inheritdoc />
        public IReadOnlyList<RecognizedText> Read(RgbImage image, IReadOnlyList<TextBox> lines)
        {
            var readings = new RecognizedText[lines.Count];
            var widths = lines.Select(InputWidth).ToArray();

            // Only crops of one width share a run: padding would reach the backward LSTM before the line does, so a
            // line's reading would depend on what else was read with it.
            foreach (var sameWidth in Enumerable.Range(0, lines.Count).GroupBy(i => widths[i]))
            {
                var group = sameWidth.ToArray();
                for (var start = 0; start < group.Length; start += BatchSize)
                {
                    var batch = group.Skip(start).Take(BatchSize).ToArray();
                    Run(image, lines, batch, sameWidth.Key, readings);
                }
            }

            return readings;
        }

        private void Run(RgbImage image, IReadOnlyList<TextBox> lines, int[] batch, int width, RecognizedText[] readings)
        {
            // The width rounded up to whole frames; the few columns past the crop are zero after normalisation (mid
            // grey), as the training batches padded them.
            var batchWidth = (width + FrameWidth - 1) / FrameWidth * FrameWidth;
            var plane = InputHeight * batchWidth;
            var input = new float[batch.Length * 3 * plane];
            for (var n = 0; n < batch.Length; n++)
            {
                Sample(image, lines[batch[n]], input, n * 3 * plane, batchWidth, width, Half, Half);
            }

            var tensor = new DenseTensor<float>(input, new[] { batch.Length, 3, InputHeight, batchWidth });
            using var results = _session.Run(new[] { NamedOnnxValue.CreateFromTensor(_inputName, tensor) });
            var output = (DenseTensor<float>)results.First().AsTensor<float>();
            var frames = output.Dimensions[1];
            if (output.Dimensions[2] != Classes || frames != batchWidth / FrameWidth)
            {
                throw new InvalidOperationException($"The digit model gives {frames} × {output.Dimensions[2]} for a {batchWidth}-column crop, not {batchWidth / FrameWidth} × {Classes}.");
            }

            var values = output.Buffer.Span;
            for (var n = 0; n < batch.Length; n++)
            {
                readings[batch[n]] = Decode(values.Slice(n * frames * Classes, frames * Classes), frames);
            }
        }

        /// <summary>
        /// Greedy CTC over one line's frames: the likeliest column per frame, repeats merged, blanks dropped. A
        /// character's probability is the highest over the frames that emitted it. Gaps at either end or doubled are
        /// dropped, so the text is digit groups separated by single spaces.
        /// </summary>
        internal static RecognizedText Decode(ReadOnlySpan<float> output, int frames)
        {
            var text = new List<char>();
            var probabilities = new List<float>();
            var previous = 0;
            var kept = false;
            for (var t = 0; t < frames; t++)
            {
                var row = t * Classes;
                var best = 0;
                var bestP = output[row];
                for (var k = 1; k < Classes; k++)
                {
                    if (output[row + k] > bestP)
                    {
                        best = k;
                        bestP = output[row + k];
                    }
                }

                if (best != 0 && best == previous)
                {
                    if (kept)
                    {
                        probabilities[probabilities.Count - 1] = Math.Max(probabilities[probabilities.Count - 1], bestP);
                    }
                }
                else if (best != 0)
                {
                    var c = best == Classes - 1 ? ' ' : (char)('0' + best - 1);
                    kept = c != ' ' || (text.Count > 0 && text[text.Count - 1] != ' ');
                    if (kept)
                    {
                        text.Add(c);
                        probabilities.Add(bestP);
                    }
                }

                previous = best;
            }

            if (text.Count > 0 && text[text.Count - 1] == ' ')
            {
                text.RemoveAt(text.Count - 1);
                probabilities.RemoveAt(probabilities.Count - 1);
            }

            return new RecognizedText(new string(text.ToArray()), probabilities.ToArray());
        }
    }
}
