using System.Collections.Generic;
using BankcardOcr.Imaging;

namespace BankcardOcr.Providers.Local
{
    /// <summary>
    /// Finds text in an image. Detection gives a map once per scale; the cascade then asks it for boxes at several
    /// thresholds, so a permissive pass at a scale already run costs no second detection.
    /// </summary>
    internal interface ITextDetector
    {
        /// <summary>A short name for -Debug traces and benchmarks, e.g. <c>ppocr</c>.</summary>
        string Name { get; }

        /// <summary>The text map of <paramref name="image"/> scaled so its long side is <paramref name="longSide"/>.</summary>
        ITextMap Detect(RgbImage image, int longSide);
    }

    /// <summary>One detection's result, boxed on request.</summary>
    internal interface ITextMap
    {
        /// <summary>The text boxes at the given thresholds, in image pixels.</summary>
        /// <param name="threshold">Map values above it are text.</param>
        /// <param name="boxThreshold">Boxes whose mean value is below it are dropped.</param>
        List<TextBox> Boxes(float threshold, float boxThreshold);
    }
}
