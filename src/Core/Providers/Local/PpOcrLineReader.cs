using System;
using System.Collections.Generic;
using System.Linq;
using BankcardOcr.Imaging;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace BankcardOcr.Providers.Local
{
    /// <summary>
    /// PP-OCRv4 recognition of line crops: each crop scaled to height 48 keeping its aspect, normalised to [-1, 1],
    /// batched with crops of similar width (padding is wasted work), decoded with <see cref="CtcDigitDecoder"/>.
    /// </summary>
    internal sealed class PpOcrLineReader : ILineReader
    {
        private const int InputHeight = 48;

        /// <summary>PaddleOCR pads every batch to at least this width (its training shape, 48 × 320).</summary>
        private const int MinimumWidth = 320;

        /// <summary>Card number lines are about 16–25 heights wide; wider crops are cut here rather than squeezed.</summary>
        private const int MaximumWidth = 48 * 32;

        private const int BatchSize = 6;

        /// <summary>
        /// Input columns (lines × padded width) one run may hold: six lines of PaddleOCR's 320. A run's activations
        /// grow with its columns, and wide batches are slower per line, not faster (cache): measured on 2 cores, a
        /// 1536-wide line costs 106 ms of CPU alone and 168 ms in a batch of six, which also grows the arena by about
        /// 100 MB more (docs/performance.md). Wide lines (second-look crops, long lines of small photos) go in smaller
        /// batches; a line wider than this runs alone.
        /// </summary>
        private const int MaximumBatchColumns = BatchSize * MinimumWidth;

        private static readonly float[] Half = { 0.5f, 0.5f, 0.5f };

        private readonly InferenceSession _session;
        private readonly RecognizerColumns _columns;

        public PpOcrLineReader(InferenceSession session, RecognizerColumns columns)
        {
            _session = session;
            _columns = columns;
        }

        /// <inheritdoc />
        public string Name => "ppocr-rec";

        /// <inheritdoc />
        public IReadOnlyList<RecognizedText> Read(RgbImage image, IReadOnlyList<TextBox> lines)
        {
            var session = _session;
            var columns = _columns;
            var readings = new RecognizedText[lines.Count];
            var order = Enumerable.Range(0, lines.Count).OrderBy(i => lines[i].Width / Math.Max(1, lines[i].Height)).ToArray();
            var inputName = PpOcrTextDetector.InputName(session);
            for (var start = 0; start < order.Length;)
            {
                // Lines come narrowest first, so the batch's width is its last line's.
                var count = 1;
                while (count < BatchSize && start + count < order.Length
                    && (count + 1) * PaddedWidth(InputWidth(lines[order[start + count]])) <= MaximumBatchColumns)
                {
                    count++;
                }

                var batch = order.Skip(start).Take(count).ToArray();
                start += count;
                var widths = batch.Select(i => InputWidth(lines[i])).ToArray();
                var batchWidth = PaddedWidth(widths.Max());
                var plane = InputHeight * batchWidth;
                var input = new float[batch.Length * 3 * plane];
                for (var n = 0; n < batch.Length; n++)
                {
                    TensorSampler.Sample(image, lines[batch[n]], input, n * 3 * plane, batchWidth, plane, widths[n], InputHeight, Half, Half);
                }

                var tensor = new DenseTensor<float>(input, new[] { batch.Length, 3, InputHeight, batchWidth });
                using var results = session.Run(new[] { NamedOnnxValue.CreateFromTensor(inputName, tensor) });
                foreach (var result in results)
                {
                    var output = (DenseTensor<float>)result.AsTensor<float>();
                    var frames = output.Dimensions[1];
                    if (output.Dimensions[2] != columns.Width)
                    {
                        throw new InvalidOperationException($"The recognizer gives {output.Dimensions[2]} columns; its dictionary implies {columns.Width}.");
                    }

                    var values = output.Buffer.Span;
                    for (var n = 0; n < batch.Length; n++)
                    {
                        readings[batch[n]] = CtcDigitDecoder.Decode(values, n * frames * columns.Width, frames, columns);
                    }

                    break;
                }
            }

            return readings;
        }

        /// <summary>The width <paramref name="line"/> is sampled to at the input height, keeping its aspect.</summary>
        private static int InputWidth(TextBox line) =>
            Math.Min(MaximumWidth, Math.Max(8, (int)Math.Ceiling(InputHeight * line.Width / Math.Max(1, line.Height))));

        /// <summary>A batch's width for lines up to <paramref name="width"/>: at least PaddleOCR's, in multiples of 8.</summary>
        private static int PaddedWidth(int width) => (Math.Max(MinimumWidth, width) + 7) / 8 * 8;
    }
}
