using System;
using System.Collections.Generic;
using System.Linq;

namespace BankcardOcr.Providers.Local
{
    /// <summary>
    /// Where the characters a card reading needs sit in the recognizer's output: column 0 is the CTC blank,
    /// columns 1..n the dictionary lines in order, and the last column the space PaddleOCR appends. Only these
    /// columns take part in decoding, so a digit is never read as a look-alike letter or Chinese character; a few
    /// columns are aliases whose probability counts for a digit (<see cref="Aliases"/>).
    /// </summary>
    internal sealed class RecognizerColumns
    {
        /// <summary>
        /// Characters the recognizer gives a digit's shape to, by digit. Embossed cards print Farrington 7B
        /// (ISO/IEC 7811-1), whose "6" is a closed bowl under a straight stem: PP-OCRv4 splits such a frame between
        /// '6' and 'b' (on 30 synthetic 7B cards 'b' was the only rival, and won 1 frame in 9), so a clear 6 came out
        /// as a weak digit and the card was refused. Full-width forms are the same characters. Nothing else is
        /// merged: every letter folded into a digit is a way for a word to become digits.
        /// </summary>
        private static readonly (char Digit, string Aliases)[] LookAlikes =
        {
            ('0', "０"), ('1', "１"), ('2', "２"), ('3', "３"), ('4', "４"), ('5', "５"),
            ('6', "６b"), ('7', "７"), ('8', "８"), ('9', "９"), ('/', "／"),
        };

        private RecognizerColumns(int[] indices, char[] characters, int[][] aliases, int width)
        {
            Indices = indices;
            Characters = characters;
            Aliases = aliases;
            Width = width;
        }

        /// <summary>The output columns decoded: blank first, then the characters in <see cref="Characters"/> order.</summary>
        public int[] Indices { get; }

        /// <summary>The character of each entry of <see cref="Indices"/>; index 0 (blank) holds '\0'.</summary>
        public char[] Characters { get; }

        /// <summary>Per entry of <see cref="Indices"/>, further columns whose probability is added to it (empty for most).</summary>
        public int[][] Aliases { get; }

        /// <summary>The recognizer's output width: blank + dictionary + space.</summary>
        public int Width { get; }

        /// <summary>Finds the digits, '/' and the space in PaddleOCR's dictionary lines.</summary>
        public static RecognizerColumns FromKeys(IReadOnlyList<string> keys)
        {
            var wanted = "0123456789/";
            var indices = new List<int> { 0 };
            var characters = new List<char> { '\0' };
            foreach (var c in wanted)
            {
                var line = -1;
                for (var i = 0; i < keys.Count; i++)
                {
                    if (keys[i].Length == 1 && keys[i][0] == c)
                    {
                        line = i;
                        break;
                    }
                }

                if (line < 0)
                {
                    throw new InvalidOperationException($"The recognizer's dictionary has no '{c}'.");
                }

                indices.Add(line + 1);
                characters.Add(c);
            }

            indices.Add(keys.Count + 1);
            characters.Add(' ');
            var aliases = characters.Select(c => AliasColumns(keys, c)).ToArray();
            return new RecognizerColumns(indices.ToArray(), characters.ToArray(), aliases, keys.Count + 2);
        }

        /// <summary>The output columns of the dictionary lines that are look-alikes of <paramref name="character"/> (a dictionary may lack some).</summary>
        private static int[] AliasColumns(IReadOnlyList<string> keys, char character)
        {
            var columns = new List<int>();
            foreach (var (digit, lookAlikes) in LookAlikes)
            {
                if (digit != character)
                {
                    continue;
                }

                foreach (var alias in lookAlikes)
                {
                    for (var i = 0; i < keys.Count; i++)
                    {
                        if (keys[i].Length == 1 && keys[i][0] == alias)
                        {
                            columns.Add(i + 1);
                            break;
                        }
                    }
                }
            }

            return columns.ToArray();
        }
    }
}
