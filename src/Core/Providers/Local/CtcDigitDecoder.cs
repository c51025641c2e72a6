using System;
using System.Collections.Generic;

namespace BankcardOcr.Providers.Local
{
    /// <summary>One recognised text: its characters and, for each, the recognizer's probability of it.</summary>
    internal sealed class RecognizedText
    {
        public RecognizedText(string text, float[] probabilities)
        {
            Text = text;
            Probabilities = probabilities;
        }

        public string Text { get; }

        /// <summary>Per character of <see cref="Text"/>, the highest probability over the frames that emitted it.</summary>
        public float[] Probabilities { get; }
    }

    /// <summary>
    /// Greedy CTC decoding restricted to the columns of <see cref="RecognizerColumns"/>: per frame the best of blank,
    /// digits, '/' and space; repeats merged, blanks dropped. A character's probability is the model's own plus its
    /// look-alikes' (<see cref="RecognizerColumns.Aliases"/>), not renormalised over the restricted set, so a frame
    /// the model thought was some other letter yields a weak digit.
    /// </summary>
    internal static class CtcDigitDecoder
    {
        /// <summary>Decodes one row of the recognizer output.</summary>
        /// <param name="output">The softmax output, [frames × width] from <paramref name="offset"/>.</param>
        /// <param name="offset">Where this row starts in <paramref name="output"/>.</param>
        /// <param name="frames">Time steps in the row.</param>
        /// <param name="columns">The columns to decode over.</param>
        public static RecognizedText Decode(ReadOnlySpan<float> output, int offset, int frames, RecognizerColumns columns)
        {
            var text = new List<char>();
            var probabilities = new List<float>();
            var positions = new List<int>();
            var previous = 0;
            for (var t = 0; t < frames; t++)
            {
                var row = offset + t * columns.Width;
                var best = 0;
                var bestP = output[row + columns.Indices[0]];
                for (var k = 1; k < columns.Indices.Length; k++)
                {
                    var p = output[row + columns.Indices[k]];
                    foreach (var alias in columns.Aliases[k])
                    {
                        p += output[row + alias];
                    }

                    if (p > bestP)
                    {
                        best = k;
                        bestP = p;
                    }
                }

                if (best != 0 && best == previous)
                {
                    probabilities[probabilities.Count - 1] = Math.Max(probabilities[probabilities.Count - 1], bestP);
                }
                else if (best != 0)
                {
                    text.Add(columns.Characters[best]);
                    probabilities.Add(bestP);
                    positions.Add(t);
                }

                previous = best;
            }

            return WithGroupGaps(text, probabilities, positions);
        }

        /// <summary>
        /// The recognizer seldom emits the space between a card number's groups, but the gap shows in the frames: a
        /// pause between two characters much longer than the usual pitch is a group boundary. Marking it as a space
        /// lets the card rules take runs of whole groups (a logo or stray mark beside the number is a group of its own).
        /// </summary>
        internal static RecognizedText WithGroupGaps(List<char> text, List<float> probabilities, List<int> positions)
        {
            var steps = new List<int>();
            for (var i = 1; i < positions.Count; i++)
            {
                if (text[i] != ' ' && text[i - 1] != ' ')
                {
                    steps.Add(positions[i] - positions[i - 1]);
                }
            }

            if (steps.Count < 3)
            {
                return new RecognizedText(new string(text.ToArray()), probabilities.ToArray());
            }

            steps.Sort();
            var pitch = steps[steps.Count / 2];
            var outText = new List<char>(text.Count + 8);
            var outP = new List<float>(text.Count + 8);
            for (var i = 0; i < text.Count; i++)
            {
                if (i > 0 && text[i] != ' ' && text[i - 1] != ' ' && positions[i] - positions[i - 1] >= Math.Max(3, 1.7 * pitch))
                {
                    outText.Add(' ');
                    outP.Add(1f);
                }

                outText.Add(text[i]);
                outP.Add(probabilities[i]);
            }

            return new RecognizedText(new string(outText.ToArray()), outP.ToArray());
        }
    }
}
