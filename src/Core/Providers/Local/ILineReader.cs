using System.Collections.Generic;
using BankcardOcr.Imaging;

namespace BankcardOcr.Providers.Local
{
    /// <summary>
    /// Reads text lines already found in an image. The recognizer's cascade decides which boxes to read and how to
    /// judge what comes back; a reader only turns each box into characters with a probability for each, so
    /// readers can be swapped or combined (a general text model and a card-digit model give two opinions).
    /// </summary>
    internal interface ILineReader
    {
        /// <summary>A short name for -Debug traces and benchmarks, e.g. <c>ppocr</c>.</summary>
        string Name { get; }

        /// <summary>The readings of <paramref name="lines"/>, one per box and in the same order.</summary>
        /// <param name="image">The upright image the boxes were found in.</param>
        /// <param name="lines">Boxes in image pixels, each turned along its text.</param>
        IReadOnlyList<RecognizedText> Read(RgbImage image, IReadOnlyList<TextBox> lines);
    }
}
