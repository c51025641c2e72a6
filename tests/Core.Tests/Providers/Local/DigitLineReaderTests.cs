using System.IO;
using System.Linq;
using System.Threading.Tasks;
using BankcardOcr.CardSynth;
using BankcardOcr.Imaging;
using BankcardOcr.Providers.Local;
using Xunit;

namespace BankcardOcr.Core.Tests.Providers.Local;

/// <summary>The card-digit reader's decoding, cropping rule, and the shipped model on CardSynth number lines.</summary>
[Collection(OnnxRuntimeCollection.Name)]
public sealed class DigitLineReaderTests
{
    private const int Gap = 11;

    [Fact]
    public void RepeatsMergeABlankSeparatesARepeatedDigitAndEachDigitKeepsItsBestFrame()
    {
        var text = DigitLineReader.Decode(Frames((2, 0.6f), (2, 0.9f), (0, 0.9f), (2, 0.8f), (9, 0.7f), (9, 0.75f)), 6);

        Assert.Equal("118", text.Text);
        Assert.Equal(new[] { 0.9f, 0.8f, 0.75f }, text.Probabilities);
    }

    [Fact]
    public void GapsBecomeSingleSpacesBetweenGroupsAndNoneAtTheEnds()
    {
        var text = DigitLineReader.Decode(Frames((Gap, 0.9f), (0, 0.9f), (5, 0.9f), (Gap, 0.8f), (0, 0.9f), (Gap, 0.7f), (6, 0.9f), (Gap, 0.9f), (Gap, 0.95f)), 9);

        Assert.Equal("4 5", text.Text);
        Assert.Equal(new[] { 0.9f, 0.8f, 0.9f }, text.Probabilities);
    }

    [Fact]
    public void ALeadingGapHeldOverSeveralFramesLeavesTheFirstDigitsProbabilityAlone()
    {
        var text = DigitLineReader.Decode(Frames((Gap, 0.99f), (Gap, 0.99f), (4, 0.6f)), 3);

        Assert.Equal("3", text.Text);
        Assert.Equal(new[] { 0.6f }, text.Probabilities);
    }

    [Fact]
    public void CropsKeepTheBoxAspectAtTheModelsHeightWithinLimits()
    {
        Assert.Equal(DigitLineReader.InputHeight * 10, DigitLineReader.InputWidth(new TextBox(0, 0, 400, 40, 1)));
        Assert.Equal(16, DigitLineReader.InputWidth(new TextBox(0, 0, 10, 40, 1)));
        Assert.Equal(DigitLineReader.InputHeight * 32, DigitLineReader.InputWidth(new TextBox(0, 0, 4000, 40, 1)));
    }

    [Fact]
    public void ReadsTheNumberLinesOfCardSynthCardsWithTheirGroupGaps()
    {
        var reader = new DigitLineReader(DigitModel.Get(ModuleFolder.Path, 1).Session);
        var (images, boxes, cards) = Lines(CardLevel.Clean, 12);

        var readings = Enumerable.Range(0, cards.Length).Select(i => reader.Read(images[i], new[] { boxes[i] })[0]).ToArray();

        // Clean cards from a seed the model never trained on: all but at most one read exactly, gaps included.
        var exact = Enumerable.Range(0, cards.Length).Count(i => readings[i].Text == cards[i].PrintedNumber);
        Assert.True(exact >= cards.Length - 1, $"{exact} of {cards.Length} lines read exactly");
        Assert.All(readings, r => Assert.Equal(r.Text.Length, r.Probabilities.Length));
        Assert.All(readings, r => Assert.All(r.Probabilities, p => Assert.InRange(p, 0f, 1f)));
    }

    [Fact]
    public void TheReaderLoadsFromTheModuleFolderAndTheCardRulesFindTheNumberInItsGroups()
    {
        var reader = DigitLineReader.Load(ModuleFolder.Path, 1);
        var (images, boxes, cards) = Lines(CardLevel.Clean, 6);

        // The chooser splits a reading at its spaces and tries runs of whole groups, so the reader's gaps must
        // fall where the card's do for the number to be found at all.
        var found = Enumerable.Range(0, cards.Length).Count(i =>
            CardNumberChooser.Choose(CardNumberChooser.Candidates(reader.Read(images[i], new[] { boxes[i] })))?.Digits == cards[i].PrintedNumber.Replace(" ", string.Empty));
        Assert.True(found >= cards.Length - 1, $"{found} of {cards.Length} numbers verified");
        Assert.Equal("digits", reader.Name);
    }

    [Fact]
    public void ALinesReadingDoesNotDependOnTheOtherLinesReadWithIt()
    {
        var reader = new DigitLineReader(DigitModel.Get(ModuleFolder.Path, 1).Session);
        var (images, boxes, _) = Lines(CardLevel.Hard, 4);

        // One photo's number line and parts of it, two of the same width, read in one call and one by one.
        var image = images[0];
        var widths = new[] { 1.0f, 0.5f, 0.75f, 1.0f, 0.5f };
        var batch = widths.Select(w => TextBox.Around(boxes[0].CenterX - ((1 - w) * boxes[0].Width / 2), boxes[0].CenterY, boxes[0].Width * w, boxes[0].Height, 1, boxes[0].Angle)).ToArray();
        var together = reader.Read(image, batch);
        var alone = batch.Select(b => reader.Read(image, new[] { b })[0]).ToArray();

        for (var i = 0; i < batch.Length; i++)
        {
            Assert.Equal(alone[i].Text, together[i].Text);
        }
    }

    [Fact]
    public void ConcurrentReadsFromSeveralThreadsGiveTheSameReadingsAsOneThread()
    {
        var reader = new DigitLineReader(DigitModel.Get(ModuleFolder.Path, 1).Session);
        var (images, boxes, _) = Lines(CardLevel.Hard, 6);
        var expected = Enumerable.Range(0, images.Length).Select(i => reader.Read(images[i], new[] { boxes[i] })[0].Text).ToArray();

        var results = new string[8][];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, t =>
            results[t] = Enumerable.Range(0, images.Length).Select(i => reader.Read(images[i], new[] { boxes[i] })[0].Text).ToArray());

        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void TheModelIsLoadedOncePerFolderAndThreadCount()
    {
        Assert.Same(DigitModel.Get(ModuleFolder.Path, 1), DigitModel.Get(ModuleFolder.Path, 1));
    }

    /// <summary>Rows of per-frame probabilities: each frame's column gets its probability, the rest share what is left.</summary>
    private static float[] Frames(params (int Column, float P)[] frames)
    {
        var output = new float[frames.Length * DigitLineReader.Classes];
        for (var t = 0; t < frames.Length; t++)
        {
            for (var k = 0; k < DigitLineReader.Classes; k++)
            {
                output[(t * DigitLineReader.Classes) + k] = (1 - frames[t].P) / (DigitLineReader.Classes - 1);
            }

            output[(t * DigitLineReader.Classes) + frames[t].Column] = frames[t].P;
        }

        return output;
    }

    /// <summary>CardSynth photos (seed 4242, never used for training) and their number lines boxed as the detector boxes them.</summary>
    private static (RgbImage[] Images, TextBox[] Boxes, SyntheticCard[] Cards) Lines(CardLevel level, int count)
    {
        var generator = new CardGenerator(4242);
        var cards = Enumerable.Range(0, count).Select(i => generator.Generate(level, i)).ToArray();
        var images = cards.Select(c => RgbDecoder.Decode(c.Image)!).ToArray();
        var boxes = cards.Select(c =>
        {
            var line = LineFrame.FromQuad(c.NumberQuad);
            return TextBox.Around(line.CenterX, line.CenterY, line.Width + (0.4f * line.Height), 1.5f * line.Height, 1, line.Angle);
        }).ToArray();
        return (images, boxes, cards);
    }
}

/// <summary>The built module folder (out/BankcardOcr, laid out by the solution build) whose models and runtime the tests load.</summary>
internal static class ModuleFolder
{
    public static string Path
    {
        get
        {
            var dir = new DirectoryInfo(System.AppContext.BaseDirectory);
            while (dir != null && !File.Exists(System.IO.Path.Combine(dir.FullName, "BankcardOcr.sln")))
            {
                dir = dir.Parent;
            }

            return System.IO.Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("BankcardOcr.sln is not above the tests."), "out", "BankcardOcr");
        }
    }
}

/// <summary>Tests that load ONNX Runtime run one class at a time: the native library is loaded once per process.</summary>
[CollectionDefinition(Name)]
public sealed class OnnxRuntimeCollection
{
    public const string Name = "OnnxRuntime";
}
