using System;
using System.Collections.Generic;
using SkiaSharp;

namespace BankcardOcr.CardSynth
{
    /// <summary>
    /// What real cards do to their numbers that CardSynth's levels do not: artwork and photographs printed under
    /// embossed digits, silver or gold tipping on white and pale cards, tipping worn away, holograms and scratches over
    /// the digits, silver ink on white. Each is drawn into the face through <see cref="FaceDamage"/>. The digit model's
    /// training lines (tools/DigitLines) and the worn level's cards draw their damage here.
    /// </summary>
    internal static class FaceDamages
    {
        /// <summary>The face is 856 × 540 pixels; the number's baseline lies 315–375 down, its digits 26–45 tall.</summary>
        private const float BandTop = 240;
        private const float BandBottom = 410;

        /// <summary>The damage for one card face, its names added to <paramref name="tags"/>; null for none.</summary>
        /// <param name="rng">The card's (or line's) random stream.</param>
        /// <param name="style">Flat or embossed.</param>
        /// <param name="tags">What was done, for the labels file.</param>
        /// <param name="typeface">Another typeface for a flat number, or null for OCR-B.</param>
        /// <param name="mix">How often each damage is drawn; null for <see cref="DamageMix.Training"/>.</param>
        public static FaceDamage? Pick(CardRandom rng, PrintStyle style, List<string> tags, SKTypeface? typeface = null, DamageMix? mix = null)
        {
            var embossed = style == PrintStyle.Embossed;
            var m = mix ?? DamageMix.Training;
            Func<SKCanvas, double?>? under = null;
            Func<EmbossLook, EmbossLook>? look = null;
            Func<SKColor, SKColor>? ink = null;
            Action<SKCanvas, SKRect>? over = null;

            var pale = rng.Chance(embossed ? m.PaleEmbossed : m.PaleFlat);
            if (pale)
            {
                tags.Add("pale");
                var paint = PaleColour(rng);
                var pattern = rng.Chance(0.4);
                var patternSeed = rng.NextUInt64();
                under = canvas =>
                {
                    DrawPale(canvas, paint, pattern ? new CardRandom(patternSeed) : null);
                    return CardBackground.Luminance(paint);
                };
                if (embossed)
                {
                    look = PaleTipping(rng);
                }
                else
                {
                    var grey = (byte)rng.Next(150, 215);
                    var tint = rng.Chance(0.3) ? new SKColor((byte)Math.Min(255, grey + 25), grey, (byte)Math.Max(0, grey - 60)) : new SKColor(grey, grey, (byte)Math.Min(255, grey + 6));
                    ink = _ => tint;
                }
            }
            else if (rng.Chance(embossed ? m.ArtEmbossed : m.ArtFlat))
            {
                var kind = rng.Next(6);
                tags.Add("art" + kind);
                var artSeed = rng.NextUInt64();
                var strength = embossed ? rng.Range(0.6, 1.0) : rng.Range(0.35, 0.7);
                under = canvas =>
                {
                    DrawArt(canvas, new CardRandom(artSeed), kind, strength);
                    return null;
                };
            }

            if (embossed && look is null && rng.Chance(m.Retipped))
            {
                look = ChangedTipping(rng, tags);
            }
            else if (embossed && look != null && rng.Chance(m.PaleWorn))
            {
                var wear = rng.Range(0.15, 0.6);
                var seed = rng.Next(1 << 20);
                var pale2 = look;
                look = l => Worn(pale2(l), wear, seed);
                tags.Add("worn");
            }

            var marks = new List<Action<SKCanvas, SKRect>>();
            if (rng.Chance(embossed ? m.HologramEmbossed : m.HologramFlat))
            {
                tags.Add("hologram");
                var seed = rng.NextUInt64();
                marks.Add((canvas, line) => DrawHologram(canvas, new CardRandom(seed), line));
            }

            if (rng.Chance(m.Scratches))
            {
                tags.Add("scratches");
                var seed = rng.NextUInt64();
                marks.Add((canvas, line) => DrawScratches(canvas, new CardRandom(seed), line));
            }

            if (rng.Chance(m.Smudge))
            {
                tags.Add("smudge");
                var seed = rng.NextUInt64();
                marks.Add((canvas, line) => DrawSmudge(canvas, new CardRandom(seed), line));
            }

            if (marks.Count > 0)
            {
                over = (canvas, line) =>
                {
                    foreach (var mark in marks)
                    {
                        mark(canvas, line);
                    }
                };
            }

            return under is null && look is null && ink is null && over is null && typeface is null
                ? null
                : new FaceDamage { UnderNumber = under, Look = look, Ink = ink, OverNumber = over, NumberTypeface = typeface };
        }

        private static SKColor PaleColour(CardRandom rng)
        {
            var baseTone = rng.Next(205, 252);
            return rng.Next(4) switch
            {
                0 => new SKColor((byte)baseTone, (byte)baseTone, (byte)baseTone),
                1 => new SKColor((byte)Math.Min(255, baseTone + 4), (byte)baseTone, (byte)Math.Max(0, baseTone - 25)),
                2 => new SKColor((byte)Math.Max(0, baseTone - 12), (byte)Math.Max(0, baseTone - 4), (byte)Math.Min(255, baseTone + 4)),
                _ => new SKColor((byte)Math.Min(255, baseTone + 3), (byte)Math.Max(0, baseTone - 8), (byte)Math.Max(0, baseTone - 10)),
            };
        }

        /// <summary>A white, pearl or cream face, sometimes with a faint pattern, over the whole card.</summary>
        private static void DrawPale(SKCanvas canvas, SKColor colour, CardRandom? pattern)
        {
            var w = CardFace.WidthPx;
            var h = CardFace.HeightPx;
            using (var paint = new SKPaint
            {
                Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(w, h), new[] { colour, CardBackground.Shade(colour, -0.06) }, SKShaderTileMode.Clamp),
            })
            {
                canvas.DrawRect(0, 0, w, h, paint);
            }

            if (pattern != null)
            {
                using var paint = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = pattern.Range(0.8, 2.5), Color = CardBackground.Shade(colour, -pattern.Range(0.05, 0.15)) };
                var period = pattern.Range(40, 200);
                var amplitude = pattern.Range(5, 40);
                for (var y = -40f; y < h + 40; y += pattern.Range(8, 30))
                {
                    using var builder = new SKPathBuilder();
                    builder.MoveTo(0, y);
                    for (var x = 0; x <= w; x += 8)
                    {
                        builder.LineTo(x, y + (amplitude * (float)Math.Sin((x / period * 2 * Math.PI) + (y / 37))));
                    }

                    using var path = builder.Detach();
                    canvas.DrawPath(path, paint);
                }
            }
        }

        /// <summary>Silver, white or gold tipping on a pale card: the digits show mostly by their shading.</summary>
        private static Func<EmbossLook, EmbossLook> PaleTipping(CardRandom rng)
        {
            var kind = rng.Next(3);
            var relief = rng.Range(0.8, 2.4);
            var angle = rng.Range(0, 2 * Math.PI);
            var tipped = rng.Chance(0.85);
            return _ => kind switch
            {
                0 => new EmbossLook(new SKColor(236, 237, 240), new SKColor(168, 170, 176), tipped, angle, relief),
                1 => new EmbossLook(new SKColor(252, 252, 252), new SKColor(215, 215, 220), tipped, angle, relief),
                _ => new EmbossLook(new SKColor(240, 220, 150), new SKColor(185, 150, 70), tipped, angle, relief),
            };
        }

        /// <summary>Another tipping than the level's: untipped, worn, dark or coloured foil.</summary>
        private static Func<EmbossLook, EmbossLook> ChangedTipping(CardRandom rng, List<string> tags)
        {
            var kind = rng.Next(4);
            var wear = rng.Range(0.15, 0.7);
            var seed = rng.Next(1 << 20);
            var tone = (byte)rng.Next(20, 90);
            switch (kind)
            {
                case 0:
                    tags.Add("untipped");
                    return l => new EmbossLook(l.TipTop, l.TipBottom, false, l.LightAngle, l.Relief * 1.2f);
                case 1:
                case 2:
                    tags.Add("worn");
                    return l => Worn(new EmbossLook(l.TipTop, l.TipBottom, true, l.LightAngle, l.Relief), wear, seed);
                default:
                    tags.Add("darkfoil");
                    return l => new EmbossLook(new SKColor(tone, tone, (byte)(tone + 10)), new SKColor((byte)(tone / 2), (byte)(tone / 2), (byte)(tone / 2)), true, l.LightAngle, l.Relief);
            }
        }

        private static EmbossLook Worn(EmbossLook look, float wear, int seed) =>
            new EmbossLook(look.TipTop, look.TipBottom, true, look.LightAngle, look.Relief) { Wear = wear, WearSeed = seed };

        /// <summary>Artwork across the number's band, the kind the embossed digits of real cards cross.</summary>
        private static void DrawArt(SKCanvas canvas, CardRandom rng, int kind, float strength)
        {
            var w = CardFace.WidthPx;
            var alpha = (byte)(255 * strength);
            using var paint = new SKPaint { IsAntialias = true };
            switch (kind)
            {
                case 0:
                    // Big flat shapes with hard edges (a logo, a swoosh) crossing the digits.
                    for (var i = rng.Next(2, 7); i > 0; i--)
                    {
                        paint.Color = CardBackground.RandomColor(rng).WithAlpha(alpha);
                        var cx = rng.Range(0, w);
                        var cy = rng.Range(BandTop, BandBottom);
                        var r = rng.Range(30, 220);
                        if (rng.Chance(0.5))
                        {
                            canvas.DrawCircle(cx, cy, r, paint);
                        }
                        else
                        {
                            canvas.Save();
                            canvas.RotateDegrees(rng.Range(-60, 60), cx, cy);
                            canvas.DrawOval(cx, cy, r, r * rng.Range(0.2, 0.7), paint);
                            canvas.Restore();
                        }
                    }

                    break;
                case 1:
                    // Diagonal bands.
                    canvas.Save();
                    canvas.RotateDegrees(rng.Range(-70, 70), w / 2f, (BandTop + BandBottom) / 2);
                    var widthBand = rng.Range(15, 90);
                    var colours = new[] { CardBackground.RandomColor(rng).WithAlpha(alpha), CardBackground.RandomColor(rng).WithAlpha(alpha) };
                    for (var x = -w; x < 2 * w; x += (int)widthBand * 2)
                    {
                        paint.Color = colours[(x / (int)widthBand) % 2 == 0 ? 0 : 1];
                        canvas.DrawRect(x, -w, widthBand, 3 * w, paint);
                    }

                    canvas.Restore();
                    break;
                case 2:
                    // A photograph: a sky or landscape of soft blobs with a few sharp edges.
                    paint.Color = CardBackground.RandomColor(rng).WithAlpha(alpha);
                    canvas.DrawRect(0, BandTop - rng.Range(0, 200), w, BandBottom - BandTop + rng.Range(0, 200), paint);
                    for (var i = rng.Next(10, 30); i > 0; i--)
                    {
                        var r = rng.Range(10, 90);
                        paint.Color = (rng.Chance(0.5) ? new SKColor(250, 250, 250) : CardBackground.RandomColor(rng)).WithAlpha((byte)rng.Next(120, 255));
                        paint.ImageFilter = rng.Chance(0.6) ? SKImageFilter.CreateBlur(r / 3, r / 3) : null;
                        canvas.DrawCircle(rng.Range(0, w), rng.Range(BandTop, BandBottom), r, paint);
                    }

                    paint.ImageFilter = null;
                    break;
                case 3:
                    // Huge letters behind the number, as a team's or a brand's name.
                    using (var font = CardFonts.ForDigitHeight(rng.Range(70, 220)))
                    {
                        paint.Color = CardBackground.RandomColor(rng).WithAlpha(alpha);
                        paint.Style = rng.Chance(0.5) ? SKPaintStyle.Fill : SKPaintStyle.Stroke;
                        paint.StrokeWidth = rng.Range(4, 16);
                        canvas.Save();
                        canvas.RotateDegrees(rng.Range(-40, 40), w / 2f, (BandTop + BandBottom) / 2);
                        var letters = "ABCDEKMNORSTWXZ";
                        var text = string.Empty;
                        for (var i = 0; i < 6; i++)
                        {
                            text += letters[rng.Next(letters.Length)];
                        }

                        canvas.DrawText(text, rng.Range(-200, 200), rng.Range(BandTop + 60, BandBottom + 120), SKTextAlign.Left, font, paint);
                        canvas.Restore();
                    }

                    break;
                case 4:
                    // Fine engraved lines, dense and contrasting.
                    paint.Style = SKPaintStyle.Stroke;
                    paint.StrokeWidth = rng.Range(1, 3.5);
                    paint.Color = CardBackground.RandomColor(rng).WithAlpha(alpha);
                    var period = rng.Range(20, 150);
                    var amplitude = rng.Range(4, 40);
                    var step = rng.Range(4, 14);
                    for (var y = BandTop - 50; y < BandBottom + 50; y += step)
                    {
                        using var builder = new SKPathBuilder();
                        builder.MoveTo(0, y);
                        for (var x = 0; x <= w; x += 6)
                        {
                            builder.LineTo(x, y + (amplitude * (float)Math.Sin((x / period * 2 * Math.PI) + (y / 23))));
                        }

                        using var path = builder.Detach();
                        canvas.DrawPath(path, paint);
                    }

                    break;
                default:
                    // A hard split: half the line over dark, half over light.
                    var split = rng.Range(0.15, 0.85) * w;
                    var dark = rng.Chance(0.5);
                    paint.Color = (dark ? CardBackground.Shade(CardBackground.RandomColor(rng), -0.5) : CardBackground.Shade(CardBackground.RandomColor(rng), 0.5)).WithAlpha(alpha);
                    canvas.Save();
                    canvas.RotateDegrees(rng.Range(-30, 30), split, (BandTop + BandBottom) / 2);
                    canvas.DrawRect(split, -w, 2 * w, 3 * w, paint);
                    canvas.Restore();
                    break;
            }
        }

        /// <summary>A rainbow patch with fine colour noise over part of the number, as a hologram or a holographic film.</summary>
        private static void DrawHologram(SKCanvas canvas, CardRandom rng, SKRect line)
        {
            var h = line.Height;
            var width = rng.Range(1.0, 5.0) * h;
            var x = rng.Range(line.Left - (width / 2), line.Right - (width / 2));
            var rect = new SKRect(x, line.Top - rng.Range(0.2, 1.5) * h, x + width, line.Bottom + rng.Range(0.2, 1.5) * h);
            var hues = new SKColor[7];
            for (var i = 0; i < hues.Length; i++)
            {
                hues[i] = SKColor.FromHsv((float)((rng.Range(0, 360) + (i * 55)) % 360), 70, 100).WithAlpha((byte)rng.Next(40, 130));
            }

            using var sweep = SKShader.CreateSweepGradient(new SKPoint(rect.MidX, rect.MidY), hues);
            using var noise = SKShader.CreatePerlinNoiseTurbulence(rng.Range(0.05, 0.4), rng.Range(0.05, 0.4), 2, rng.Next(1000));
            using var shader = SKShader.CreateCompose(sweep, noise, SKBlendMode.Overlay);
            using var paint = new SKPaint { IsAntialias = true, Shader = shader, BlendMode = rng.Chance(0.5) ? SKBlendMode.Screen : SKBlendMode.SrcOver };
            if (rng.Chance(0.5))
            {
                canvas.DrawOval(rect, paint);
            }
            else
            {
                canvas.DrawRoundRect(rect, 6, 6, paint);
            }
        }

        /// <summary>Thin light and dark scratches across the digits.</summary>
        private static void DrawScratches(SKCanvas canvas, CardRandom rng, SKRect line)
        {
            using var paint = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke };
            for (var i = rng.Next(3, 15); i > 0; i--)
            {
                paint.StrokeWidth = rng.Range(0.6, 2.2);
                paint.Color = (rng.Chance(0.6) ? SKColors.White : SKColors.Black).WithAlpha((byte)rng.Next(60, 200));
                var x = rng.Range(line.Left, line.Right);
                var y = rng.Range(line.Top - 10, line.Bottom + 10);
                var angle = rng.Range(0, Math.PI);
                var length = rng.Range(10, 160);
                canvas.DrawLine(x, y, x + (length * (float)Math.Cos(angle)), y + (length * (float)Math.Sin(angle)), paint);
            }
        }

        /// <summary>A grey smudge (dirt, a fingerprint) over a few digits.</summary>
        private static void DrawSmudge(SKCanvas canvas, CardRandom rng, SKRect line)
        {
            var r = rng.Range(0.6, 2.0) * line.Height;
            using var paint = new SKPaint
            {
                IsAntialias = true,
                Color = (rng.Chance(0.5) ? new SKColor(60, 50, 40) : new SKColor(230, 230, 230)).WithAlpha((byte)rng.Next(50, 140)),
                ImageFilter = SKImageFilter.CreateBlur(r / 3, r / 3),
            };
            canvas.DrawOval(rng.Range(line.Left, line.Right), rng.Range(line.Top, line.Bottom), r * rng.Range(1, 2.5), r, paint);
        }
    }

    /// <summary>How often <see cref="FaceDamages.Pick"/> draws each damage (chances, 0–1).</summary>
    internal sealed class DamageMix
    {
        /// <summary>The digit model's training lines' mix (tools/DigitLines); changing it changes every training set.</summary>
        public static readonly DamageMix Training = new DamageMix();

        /// <summary>A white, pearl or cream face with pale tipping (embossed).</summary>
        public double PaleEmbossed { get; init; } = 0.22;

        /// <summary>A pale face with silver-grey ink (flat).</summary>
        public double PaleFlat { get; init; } = 0.15;

        /// <summary>Artwork or a photograph under embossed digits (when not pale).</summary>
        public double ArtEmbossed { get; init; } = 0.5;

        /// <summary>Artwork under flat print (when not pale).</summary>
        public double ArtFlat { get; init; } = 0.3;

        /// <summary>Embossing untipped, worn or in dark foil (when not pale).</summary>
        public double Retipped { get; init; } = 0.35;

        /// <summary>A pale card's tipping worn in patches.</summary>
        public double PaleWorn { get; init; } = 0.3;

        /// <summary>A hologram over part of an embossed number.</summary>
        public double HologramEmbossed { get; init; } = 0.1;

        /// <summary>A hologram over part of a flat number.</summary>
        public double HologramFlat { get; init; } = 0.06;

        /// <summary>Scratches across the digits.</summary>
        public double Scratches { get; init; } = 0.12;

        /// <summary>A smudge over a few digits.</summary>
        public double Smudge { get; init; } = 0.08;
    }
}
