using System;
using System.Collections.Generic;

namespace BankcardOcr.Providers.Local
{
    /// <summary>
    /// Where the characters a card reading needs sit in the recognizer's output: column 0 is the CTC blank,
    /// columns 1..n the dictionary lines in order, and the last column the space PaddleOCR appends. Only these
    /// columns take part in decoding, so a digit is never read as a look-alike letter or Chinese character.
    /// </summary>
    internal sealed class RecognizerColumns
    {
        private RecognizerColumns(int[] indices, char[] characters, int width)
        {
            Indices = indices;
            Characters = characters;
            Width = width;
        }

        /// <summary>The output columns decoded: blank first, then the characters in <see cref="Characters"/> order.</summary>
        public int[] Indices { get; }

        /// <summary>The character of each entry of <see cref="Indices"/>; index 0 (blank) holds '\0'.</summary>
        public char[] Characters { get; }

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
            return new RecognizerColumns(indices.ToArray(), characters.ToArray(), keys.Count + 2);
        }
    }
}
