using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using BankcardOcr.CardSynth;
using BankcardOcr.Imaging;

namespace BankcardOcr.DigitLines
{
    /// <summary>
    /// Real number lines for training: photos whose number line was marked with a quad, and whose digits someone read
    /// by eye into a labels file kept outside the repository (real numbers are never committed). Each line is cut
    /// several times from boxes jittered as the detector's are, by the reader's own sampler.
    /// </summary>
    internal static class RealLines
    {
        /// <summary>Marked quads hold the digits with a little room: about 1.15 digit heights.</summary>
        private const float QuadOverDigits = 1.15f;

        /// <summary>Writes <paramref name="copies"/> crops per labelled line into <paramref name="outDir"/>; returns the label rows.</summary>
        public static List<string> Cut(string linesDir, string labelsFile, string outDir, int copies, ulong seed)
        {
            var labels = File.ReadAllLines(labelsFile).Skip(1).Where(l => l.Length > 0)
                .Select(l => l.Split(',')).ToDictionary(c => c[0], c => c[1], StringComparer.Ordinal);
            var quads = File.ReadAllLines(Path.Combine(linesDir, "quads.csv"));
            var header = quads[0].Split(',');
            var rows = new List<string>();
            foreach (var line in quads.Skip(1).Where(l => l.Length > 0))
            {
                var cells = line.Split(',');
                string Cell(string name) => cells[Array.IndexOf(header, name)];
                if (!labels.TryGetValue(Cell("file"), out var label))
                {
                    continue;
                }

                var image = RgbDecoder.Decode(File.ReadAllBytes(Path.Combine(linesDir, Cell("file"))))
                    ?? throw new InvalidDataException($"{Cell("file")} does not decode.");
                var quad = Enumerable.Range(1, 4).Select(i => new CardPoint(
                    float.Parse(Cell("x" + i), CultureInfo.InvariantCulture), float.Parse(Cell("y" + i), CultureInfo.InvariantCulture))).ToArray();
                var frame = LineFrame.FromQuad(quad);
                frame = frame with { Height = frame.Height / QuadOverDigits };
                var stem = Path.GetFileNameWithoutExtension(Cell("file"));
                for (var copy = 0; copy < copies; copy++)
                {
                    var rng = new CardRandom(CardRandom.Mix(seed, Fnv(stem), (ulong)copy + 1));
                    var file = $"{stem}-{copy}.png";
                    File.WriteAllBytes(Path.Combine(outDir, file), LineMaker.Crop(image, DetectorBox.Around(rng, frame, partial: false)));
                    rows.Add($"{file}\t{label}\treal {Cell("subset")}");
                }
            }

            return rows;
        }

        /// <summary>A stable hash of a name (string.GetHashCode differs per process).</summary>
        private static ulong Fnv(string text)
        {
            var hash = 14695981039346656037UL;
            foreach (var c in text)
            {
                hash = (hash ^ c) * 1099511628211UL;
            }

            return hash;
        }
    }
}
