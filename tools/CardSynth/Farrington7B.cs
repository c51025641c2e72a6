using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using SkiaSharp;

namespace BankcardOcr.CardSynth
{
    /// <summary>
    /// The digits embossed on cards (Farrington 7B, ISO/IEC 7811-1), built as paths from the outlines in
    /// Fonts/Farrington7B.txt. The font has only digits; a slash (for "MM/YY") is drawn as a slanted bar of the same
    /// stroke width. Glyphs are 2.55 × 4.33 mm at standard size on a 3.63 mm pitch (0.143 in, seven characters to the inch).
    /// </summary>
    internal static class Farrington7B
    {
        /// <summary>Glyph height at standard size, in the outlines' units (mm).</summary>
        public const float GlyphHeight = 4.33f;

        /// <summary>Distance between the centres of neighbouring characters at standard size (mm).</summary>
        public const float Pitch = 3.63f;

        private const float Stroke = 0.51f;

        private static readonly Lazy<SKPath[]> Glyphs = new Lazy<SKPath[]>(Load);

        private static readonly Lazy<SKPath> SlashGlyph = new Lazy<SKPath>(Slash);

        /// <summary>
        /// The outline of <paramref name="text"/> (digits, spaces and slashes) with digits <paramref name="digitHeight"/>
        /// pixels tall, the first character's left edge at <paramref name="x"/> and the glyphs' feet on <paramref name="baseline"/>;
        /// <paramref name="pitchScale"/> widens or narrows the spacing.
        /// </summary>
        public static SKPath TextPath(string text, float x, float baseline, float digitHeight, float pitchScale = 1f)
        {
            var scale = digitHeight / GlyphHeight;
            var pitch = Pitch * scale * pitchScale;
            using var builder = new SKPathBuilder { FillType = SKPathFillType.EvenOdd };
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == ' ')
                {
                    continue;
                }

                // Outline units are y-up and centred on the glyph: flip, scale, and move the centre into place.
                var placement = SKMatrix.CreateScale(scale, -scale)
                    .PostConcat(SKMatrix.CreateTranslation(x + (pitch * i) + (1.275f * scale), baseline - (GlyphHeight / 2 * scale)));
                var glyph = c == '/' ? SlashGlyph.Value : c >= '0' && c <= '9' ? Glyphs.Value[c - '0'] : throw new ArgumentException(
                    $"Farrington 7B here has digits, spaces and '/', not '{c}'.", nameof(text));
                builder.AddPath(glyph, in placement, SKPathAddMode.Append);
            }

            return builder.Detach();
        }

        /// <summary>Width of <paramref name="text"/> as <see cref="TextPath"/> lays it out.</summary>
        public static float Measure(string text, float digitHeight, float pitchScale = 1f)
        {
            var scale = digitHeight / GlyphHeight;
            return text.Length == 0 ? 0 : (Pitch * scale * pitchScale * (text.Length - 1)) + (2.55f * scale);
        }

        private static SKPath Slash()
        {
            var half = Stroke / 2;
            using var builder = new SKPathBuilder();
            builder.MoveTo(-1.0f - half, -2.165f);
            builder.LineTo(-1.0f + half, -2.165f);
            builder.LineTo(1.0f + half, 2.165f);
            builder.LineTo(1.0f - half, 2.165f);
            builder.Close();
            return builder.Detach();
        }

        private static SKPath[] Load()
        {
            using var stream = typeof(Farrington7B).Assembly.GetManifestResourceStream("CardSynth.Farrington7B.txt")
                ?? throw new InvalidOperationException("The embedded outlines CardSynth.Farrington7B.txt are missing.");
            using var reader = new StreamReader(stream);
            var glyphs = new SKPath?[10];
            SKPathBuilder? current = null;
            var digit = -1;
            var flip = SKMatrix.Identity;
            string? line;
            var lineNumber = 0;
            while ((line = reader.ReadLine()) != null)
            {
                lineNumber++;
                line = line.Trim();
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                float N(int k) => float.Parse(parts[k], NumberStyles.Float, CultureInfo.InvariantCulture);
                switch (parts[0])
                {
                    case "glyph":
                        Finish();
                        digit = int.Parse(parts[1], CultureInfo.InvariantCulture);
                        current = new SKPathBuilder { FillType = SKPathFillType.EvenOdd };
                        flip = SKMatrix.Identity;
                        break;
                    case "S": flip = SKMatrix.CreateScale(N(1), N(2)); break;
                    case "M": Current().MoveTo(N(1), N(2)); break;
                    case "L": Current().LineTo(N(1), N(2)); break;
                    case "T": Current().ArcTo(N(1), N(2), N(3), N(4), N(5)); break;
                    case "A": Current().ArcTo(Oval(N(1), N(2), N(3)), N(4), Sweep(N(4), N(5), anticlockwise: true), false); break;
                    case "C": Current().ArcTo(Oval(N(1), N(2), N(3)), N(4), Sweep(N(4), N(5), anticlockwise: false), false); break;
                    case "Z": Current().Close(); break;
                    default: throw new InvalidDataException($"Farrington7B.txt line {lineNumber}: unknown command '{parts[0]}'.");
                }

                SKPathBuilder Current() => current ?? throw new InvalidDataException($"Farrington7B.txt line {lineNumber}: a command before the first glyph.");
            }

            Finish();
            var result = new SKPath[10];
            for (var d = 0; d < 10; d++)
            {
                result[d] = glyphs[d] ?? throw new InvalidDataException($"Farrington7B.txt has no glyph {d}.");
            }

            return result;

            void Finish()
            {
                if (current != null)
                {
                    using var outline = current.Detach();
                    current.Dispose();
                    using var flipped = new SKPathBuilder { FillType = SKPathFillType.EvenOdd };
                    flipped.AddPath(outline, in flip, SKPathAddMode.Append);
                    glyphs[digit] = flipped.Detach();
                }
            }
        }

        private static SKRect Oval(float cx, float cy, float r) => new SKRect(cx - r, cy - r, cx + r, cy + r);

        /// <summary>PostScript's arc and arcn in Skia's terms: the signed sweep from a1 to a2 in the given direction.</summary>
        private static float Sweep(float from, float to, bool anticlockwise)
        {
            var sweep = anticlockwise ? to - from : from - to;
            while (sweep < 0)
            {
                sweep += 360;
            }

            return anticlockwise ? sweep : -sweep;
        }
    }
}
