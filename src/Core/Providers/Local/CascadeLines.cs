using System.Collections.Generic;

namespace BankcardOcr.Providers.Local
{
    /// <summary>
    /// What the upright cascade read in one image, for the accuracy bench: with the number line's true corners it
    /// tells a line never found from a line found and misread. The module itself never asks for it.
    /// </summary>
    internal sealed class CascadeLines
    {
        public CascadeLines(string source, int imageWidth, int imageHeight, IReadOnlyList<TextBox> boxes, IReadOnlyList<RecognizedText> readings)
        {
            Source = source;
            ImageWidth = imageWidth;
            ImageHeight = imageHeight;
            Boxes = boxes;
            Readings = readings;
        }

        public string Source { get; }

        /// <summary>The size of the image the boxes are in: the photo turned upright by EXIF and shrunk to the largest detection scale.</summary>
        public int ImageWidth { get; }

        public int ImageHeight { get; }

        /// <summary>Every line the cascade read, in image pixels.</summary>
        public IReadOnlyList<TextBox> Boxes { get; }

        /// <summary>What was read in each of <see cref="Boxes"/>, in the same order.</summary>
        public IReadOnlyList<RecognizedText> Readings { get; }
    }
}
