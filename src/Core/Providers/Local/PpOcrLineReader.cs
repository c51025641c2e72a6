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
            for (var start = 0; start < order.Length; start += BatchSize)
            {
                var batch = order.Skip(start).Take(BatchSize).ToArray();
                var widths = batch.Select(i => Math.Min(MaximumWidth, Math.Max(8, (int)Math.Ceiling(InputHeight * lines[i].Width / Math.Max(1, lines[i].Height))))).ToArray();
                var batchWidth = Math.Max(MinimumWidth, widths.Max());
                batchWidth = (batchWidth + 7) / 8 * 8;
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
    }
}
