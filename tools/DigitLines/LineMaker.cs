using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using BankcardOcr.CardSynth;
using BankcardOcr.Providers.Local;
using SkiaSharp;

namespace BankcardOcr.DigitLines
{
    /// <summary>One training line: a card face with its damage, photographed, boxed as the detector would and cut as the reader does.</summary>
    internal sealed class LineMaker
    {
        /// <summary>Crop pixels are stored as 0–255, the reader's normalisation is the training script's to apply.</summary>
        private static readonly float[] Zero = { 0f, 0f, 0f };
        private static readonly float[] Unit = { 1f / 255, 1f / 255, 1f / 255 };

        private readonly ulong _seed;
        private readonly CardGenerator _generator;
        private readonly IReadOnlyList<(string Name, SKTypeface Typeface)> _fonts;
        private readonly PrintStyle? _style;

        /// <param name="seed">The set's seed.</param>
        /// <param name="fonts">Typefaces that print most flat numbers instead of OCR-B; none keeps OCR-B alone.</param>
        /// <param name="style">Every line flat or every line embossed; null for about 40 % flat.</param>
        public LineMaker(ulong seed, IReadOnlyList<(string Name, SKTypeface Typeface)> fonts, PrintStyle? style)
        {
            _seed = seed;
            _generator = new CardGenerator(seed);
            _fonts = fonts;
            _style = style;
        }

        /// <summary>Line <paramref name="index"/>: its PNG, its label (digit groups separated by single spaces, empty for a line without the number) and what was done to it.</summary>
        public (byte[] Png, string Label, string Tags) Make(int index)
        {
            var rng = new CardRandom(CardRandom.Mix(_seed, 0x4C494E45UL, (ulong)index + 1));
            var level = rng.Chance(0.7) ? CardLevel.Hard : CardLevel.Clean;
            var style = _style ?? (rng.Chance(0.6) ? PrintStyle.Embossed : PrintStyle.Flat);
            var tags = new List<string> { level.ToString().ToLowerInvariant(), style.ToString().ToLowerInvariant() };
            var printed = rng.Chance(0.35) ? RandomNumber(rng) : null;

            // No draw without fonts, so a set made without them stays as it was.
            SKTypeface? typeface = null;
            if (_fonts.Count > 0 && style == PrintStyle.Flat && rng.Chance(0.7))
            {
                var font = _fonts[rng.Next(_fonts.Count)];
                typeface = font.Typeface;
                tags.Add("font:" + font.Name);
            }

            var damage = FaceDamages.Pick(rng, style, tags, typeface);
            var card = _generator.RenderFace(level, index, style, null, damage, printed, out var face, out var numberLine);
            printed ??= card.PrintedNumber;
            Providers.Local.TextBox box;
            string label;
            using (face)
            {
                var faint = tags.Exists(t => t == "pale" || t == "worn" || t == "untipped" || t == "darkfoil");
                var (image, frameOf) = LinePhoto.Shoot(rng, face, numberLine, level, faint, out var photoTags);
                tags.Add(photoTags);
                var pick = rng.NextDouble();
                if (pick < 0.03)
                {
                    // Another line of the card (chip, logo, artwork): the reader must read no number there.
                    tags.Add("nonumber");
                    label = string.Empty;
                    var up = rng.Range(1.8, 3.0) * numberLine.Height;
                    var sideways = rng.Range(-0.3, 0.3) * numberLine.Width;
                    var elsewhere = new SKRect(numberLine.Left + sideways, numberLine.Top - up, numberLine.Right + sideways, numberLine.Bottom - up);
                    box = DetectorBox.Around(rng, frameOf(elsewhere), partial: true);
                }
                else if (pick < 0.15 && printed.Contains(' '))
                {
                    // The detector split the number and the joining left some groups apart.
                    tags.Add("partial");
                    var (from, to) = PickGroups(rng, printed);
                    label = printed.Substring(from, to - from);
                    var (start, end) = Span(printed, from, to, style, typeface);
                    var part = new SKRect(numberLine.Left + (start * numberLine.Width), numberLine.Top, numberLine.Left + (end * numberLine.Width), numberLine.Bottom);
                    box = DetectorBox.Around(rng, frameOf(part), partial: true);
                }
                else
                {
                    label = printed;
                    box = DetectorBox.Around(rng, frameOf(numberLine), partial: false);
                }

                return (Crop(image, box), label, string.Join(" ", tags).Trim());
            }
        }

        /// <summary>The line cut as <see cref="DigitLineReader"/> cuts it, as a PNG (RGB, 0–255).</summary>
        internal static byte[] Crop(Imaging.RgbImage image, Providers.Local.TextBox box)
        {
            var width = DigitLineReader.InputWidth(box);
            var height = DigitLineReader.InputHeight;
            var plane = width * height;
            var tensor = new float[3 * plane];
            DigitLineReader.Sample(image, box, tensor, 0, width, width, Zero, Unit);
            var pixels = new byte[plane * 4];
            for (var i = 0; i < plane; i++)
            {
                // The tensor's planes are B, G, R.
                pixels[(i * 4) + 0] = ToByte(tensor[(2 * plane) + i]);
                pixels[(i * 4) + 1] = ToByte(tensor[plane + i]);
                pixels[(i * 4) + 2] = ToByte(tensor[i]);
                pixels[(i * 4) + 3] = 255;
            }

            using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
            Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
            using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
            return data.ToArray();
        }

        private static byte ToByte(float v) => (byte)Math.Max(0, Math.Min(255, (int)Math.Round(v)));

        /// <summary>
        /// Where characters <paramref name="from"/> to <paramref name="to"/> (exclusive) lie along the printed line, as
        /// shares of its length. Farrington 7B sits on a fixed pitch with glyphs about three quarters of it wide; a flat
        /// print's advances are measured in its typeface (the shares do not change with its size or stretch).
        /// </summary>
        private static (float Start, float End) Span(string printed, int from, int to, PrintStyle style, SKTypeface? typeface)
        {
            if (style == PrintStyle.Embossed)
            {
                var total = printed.Length - 1 + 0.75f;
                return (from / total, (to - 1 + 0.75f) / total);
            }

            using var font = CardFonts.ForDigitHeight(40, typeface: typeface);
            var length = font.MeasureText(printed);
            return (font.MeasureText(printed.Substring(0, from)) / length, font.MeasureText(printed.Substring(0, to)) / length);
        }

        /// <summary>A run of whole groups, not all of them: start and end character indices in <paramref name="printed"/>.</summary>
        private static (int From, int To) PickGroups(CardRandom rng, string printed)
        {
            var starts = new List<int> { 0 };
            for (var i = 0; i < printed.Length; i++)
            {
                if (printed[i] == ' ')
                {
                    starts.Add(i + 1);
                }
            }

            var groups = starts.Count;
            var count = rng.Next(1, groups);
            var first = rng.Next(0, groups - count + 1);
            var from = starts[first];
            var to = first + count < groups ? starts[first + count] - 1 : printed.Length;
            return (from, to);
        }

        /// <summary>
        /// Digits without an issuer's prefix, so no digit is favoured at the start of a line, in the usual groupings;
        /// some with a group of one repeated digit, as specimen cards print (repeats test the CTC blank between them).
        /// </summary>
        private static string RandomNumber(CardRandom rng)
        {
            var pick = rng.NextDouble();
            int[] grouping = pick < 0.55 ? new[] { 4, 4, 4, 4 }
                : pick < 0.8 ? new[] { 4, 4, 4, 4, 3 }
                : pick < 0.87 ? new[] { 6, 13 }
                : pick < 0.93 ? new[] { 4, 6, 5 }
                : pick < 0.97 ? new[] { 4, 4, 4, 4, 2 }
                : new[] { 4, 4, 4, 3 };
            var text = new StringBuilder();
            foreach (var size in grouping)
            {
                if (text.Length > 0)
                {
                    text.Append(' ');
                }

                var repeated = size == 4 && rng.Chance(0.08) ? (char)('0' + rng.Next(10)) : (char?)null;
                for (var i = 0; i < size; i++)
                {
                    text.Append(repeated ?? (char)('0' + rng.Next(10)));
                }
            }

            return text.ToString();
        }
    }
}
