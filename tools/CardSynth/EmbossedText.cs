using System;
using SkiaSharp;

namespace BankcardOcr.CardSynth
{
    /// <summary>How raised digits look: the tipping foil on their tops and where the light comes from.</summary>
    internal sealed class EmbossLook
    {
        public EmbossLook(SKColor tipTop, SKColor tipBottom, bool tipped, float lightAngle, float relief)
        {
            TipTop = tipTop;
            TipBottom = tipBottom;
            Tipped = tipped;
            LightAngle = lightAngle;
            Relief = relief;
        }

        public SKColor TipTop { get; }

        public SKColor TipBottom { get; }

        /// <summary>False for untipped embossing: the digits keep the card's colour and show only by their edges.</summary>
        public bool Tipped { get; }

        /// <summary>Direction the light comes from, in radians (0 = from the left).</summary>
        public float LightAngle { get; }

        /// <summary>How far the lit and shaded edges stand off the digit, in pixels.</summary>
        public float Relief { get; }

        /// <summary>Share of the tipping rubbed off (0: none), in patches, as on an old card; the raised edges stay.</summary>
        public float Wear { get; init; }

        /// <summary>Where the worn patches fall.</summary>
        public int WearSeed { get; init; }

        public static EmbossLook Pick(CardRandom rng, CardLevel level, float pxPerMm)
        {
            var relief = rng.Range(0.12, level != CardLevel.Clean ? 0.32 : 0.24) * pxPerMm;
            // Light from above-left to above-right mostly, as under a ceiling lamp; hard and worn add any angle.
            var angle = level != CardLevel.Clean ? rng.Range(0, 2 * Math.PI) : rng.Range(Math.PI * 1.1, Math.PI * 1.9);
            var tipped = level == CardLevel.Clean || rng.Chance(0.75);
            switch (rng.Next(3))
            {
                case 0: // silver
                    return new EmbossLook(new SKColor(246, 246, 246), new SKColor(150, 152, 158), tipped, angle, relief);
                case 1: // gold
                    return new EmbossLook(new SKColor(250, 228, 150), new SKColor(170, 128, 40), tipped, angle, relief);
                default: // white-ish tipping, common on debit cards
                    return new EmbossLook(new SKColor(255, 255, 255), new SKColor(200, 200, 205), tipped, angle, relief);
            }
        }
    }

    /// <summary>Draws outlines as if embossed: a soft shadow on the side away from the light, a highlight on the lit side, then the tipped top.</summary>
    internal static class EmbossedText
    {
        public static void Draw(SKCanvas canvas, SKPath path, EmbossLook look)
        {
            var dx = (float)Math.Cos(look.LightAngle) * look.Relief;
            var dy = (float)Math.Sin(look.LightAngle) * look.Relief;
            var soft = Math.Max(0.4f, look.Relief * 0.45f);

            using (var shadow = new SKPaint { IsAntialias = true, Color = new SKColor(0, 0, 0, 150), ImageFilter = SKImageFilter.CreateBlur(soft, soft) })
            {
                canvas.Save();
                canvas.Translate(-dx, -dy);
                canvas.DrawPath(path, shadow);
                canvas.Restore();
            }

            using (var light = new SKPaint { IsAntialias = true, Color = new SKColor(255, 255, 255, 170), ImageFilter = SKImageFilter.CreateBlur(soft, soft) })
            {
                canvas.Save();
                canvas.Translate(dx, dy);
                canvas.DrawPath(path, light);
                canvas.Restore();
            }

            var bounds = path.Bounds;
            using var top = new SKPaint { IsAntialias = true };
            if (look.Tipped)
            {
                top.Shader = SKShader.CreateLinearGradient(
                    new SKPoint(bounds.Left, bounds.Top),
                    new SKPoint(bounds.Left, bounds.Bottom),
                    new[] { look.TipTop, look.TipBottom, look.TipTop },
                    new[] { 0f, 0.55f, 1f },
                    SKShaderTileMode.Clamp);
            }
            else
            {
                // Untipped: the raised plastic keeps the card's colour; a faint grey keeps the top from vanishing entirely.
                top.Color = new SKColor(128, 128, 128, 40);
            }

            if (look.Tipped && look.Wear > 0)
            {
                DrawWorn(canvas, path, top, look);
                return;
            }

            canvas.DrawPath(path, top);
        }

        /// <summary>The tipping through a mask of fractal noise: where the noise falls below the wear, the foil is gone.</summary>
        private static void DrawWorn(SKCanvas canvas, SKPath path, SKPaint top, EmbossLook look)
        {
            var bounds = path.Bounds;
            canvas.SaveLayer(bounds, null);
            canvas.DrawPath(path, top);

            // Noise alpha a in [0, 1] becomes a steep ramp around the wear level: alpha' = 12 (a - wear) + 0.5.
            var gain = 12f;
            var matrix = new float[]
            {
                0, 0, 0, 0, 0,
                0, 0, 0, 0, 0,
                0, 0, 0, 0, 0,
                0, 0, 0, gain, (0.5f - (gain * look.Wear)) * 255,
            };
            using var noise = SKShader.CreatePerlinNoiseFractalNoise(0.08f, 0.12f, 3, look.WearSeed);
            using var mask = new SKPaint { Shader = noise, ColorFilter = SKColorFilter.CreateColorMatrix(matrix), BlendMode = SKBlendMode.DstIn };
            canvas.DrawRect(bounds, mask);
            canvas.Restore();
        }
    }
}
