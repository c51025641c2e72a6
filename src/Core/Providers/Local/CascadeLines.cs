using System.Collections.Generic;

namespace BankcardOcr.Providers.Local
{
    /// <summary>
    /// What the upright cascade read in one image, for the accuracy bench: with the number line's true corners it
    /// tells a line never found from a line found and misread; and which step of the cascade verified the number, with
    /// what the photo cost. The module itself never asks for it.
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

        /// <summary>The step that verified the number (<see cref="CascadeOutcome.VerifiedBy"/>); empty when none did.</summary>
        public string VerifiedBy { get; set; } = string.Empty;

        /// <summary>Whether the returned date came from the date look.</summary>
        public bool DateLookFoundDate { get; set; }

        /// <summary>How surely the returned date was read (<see cref="CascadeOutcome.ValidThruCertainty"/>).</summary>
        public float ValidThruCertainty { get; set; }

        /// <summary>The detections and line reads the photo cost, every orientation included.</summary>
        public CascadeWork Work { get; set; } = new CascadeWork();
    }
}
