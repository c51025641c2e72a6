using System.Linq;
using BankcardOcr.Providers.Local;
using Xunit;

namespace BankcardOcr.Core.Tests.Providers.Local;

public sealed class CtcDigitDecoderTests
{
    // A toy dictionary: 'O' and '中' sit beside the digits, as letters and hanzi do in ppocr_keys_v1.txt.
    private static readonly string[] Keys = { "O", "1", "2", "中", "3", "4", "5", "6", "7", "8", "9", "0", "/" };
    private static readonly RecognizerColumns Columns = RecognizerColumns.FromKeys(Keys);

    [Fact]
    public void ColumnsAreBlankThenDictionaryLinesPlusOneThenTheAppendedSpace()
    {
        Assert.Equal(Keys.Length + 2, Columns.Width);
        Assert.Equal(0, Columns.Indices[0]);
        Assert.Equal(Keys.Length + 1, Columns.Indices.Last());
        Assert.Equal(' ', Columns.Characters.Last());
        Assert.Equal(12, Columns.Indices[Array.IndexOf(Columns.Characters, '0')]);
    }

    [Fact]
    public void RepeatsMergeAndABlankSeparatesARepeatedDigit()
    {
        var output = Frames(('1', 0.9f), ('1', 0.95f), (Blank, 0.9f), ('1', 0.8f), ('2', 0.7f), ('2', 0.6f));
        var text = CtcDigitDecoder.Decode(output, 0, 6, Columns);
        Assert.Equal("112", text.Text);
        Assert.Equal(new[] { 0.95f, 0.8f, 0.7f }, text.Probabilities);
    }

    [Fact]
    public void LettersAndHanziNeverComeOutAndTheDigitKeepsItsOwnWeakProbability()
    {
        // Frame 1: the model believes 'O' (0.7) over '0' (0.2): decoding picks '0' but reports 0.2, not a renormalised 0.9.
        var output = Frames(('5', 0.9f, Blank, 0f), ('O', 0.7f, '0', 0.2f), ('中', 0.95f, Blank, 0f));
        var text = CtcDigitDecoder.Decode(output, 0, 3, Columns);
        Assert.Equal("50", text.Text);
        Assert.Equal(0.2f, text.Probabilities[1]);
    }

    [Fact]
    public void ALongPauseBetweenDigitsBecomesAGroupSpace()
    {
        var frames = new List<(char, float)>();
        foreach (var c in "1234")
        {
            frames.Add((c, 0.9f));
            frames.Add((Blank, 0.9f));
        }

        frames.AddRange(Enumerable.Repeat((Blank, 0.9f), 4));
        foreach (var c in "5678")
        {
            frames.Add((c, 0.9f));
            frames.Add((Blank, 0.9f));
        }

        var text = CtcDigitDecoder.Decode(Frames(frames.ToArray()), 0, frames.Count, Columns);
        Assert.Equal("1234 5678", text.Text);
    }

    [Fact]
    public void AFarrington6SplitBetween6AndBIsOneConfidentSix()
    {
        // Embossed (Farrington 7B) sixes: PP-OCRv4 spreads the frame over '6' and 'b', and 'b' may even win it.
        var keys = new[] { "b", "1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "/", "６", "B" };
        var columns = RecognizerColumns.FromKeys(keys);
        Assert.Equal(new[] { 1, 13 }, columns.Aliases[Array.IndexOf(columns.Characters, '6')].OrderBy(c => c));
        Assert.Empty(columns.Aliases[Array.IndexOf(columns.Characters, '8')]);

        var output = new float[3 * columns.Width];
        output[0 * columns.Width + 7] = 0.40f; // '6'
        output[0 * columns.Width + 1] = 0.55f; // 'b'
        output[1 * columns.Width + 0] = 0.9f;  // blank
        output[2 * columns.Width + 14] = 0.7f; // 'B' is not an 8: no alias, so the frame's digit is weak or absent
        output[2 * columns.Width + 9] = 0.2f;  // '8'
        var text = CtcDigitDecoder.Decode(output, 0, 3, columns);
        Assert.Equal("68", text.Text);
        Assert.Equal(0.95f, text.Probabilities[0], 3);
        Assert.Equal(0.2f, text.Probabilities[1], 3);
    }

    private const char Blank = '\0';

    private static float[] Frames(params (char C, float P)[] frames) => Frames(frames.Select(f => (f.C, f.P, Blank, 0f)).ToArray());

    private static float[] Frames(params (char C, float P, char Second, float SecondP)[] frames)
    {
        var output = new float[frames.Length * Columns.Width];
        for (var t = 0; t < frames.Length; t++)
        {
            var rest = (1 - frames[t].P - frames[t].SecondP) / (Columns.Width - 2);
            for (var k = 0; k < Columns.Width; k++)
            {
                output[t * Columns.Width + k] = rest;
            }

            output[t * Columns.Width + Column(frames[t].C)] = frames[t].P;
            if (frames[t].SecondP > 0)
            {
                output[t * Columns.Width + Column(frames[t].Second)] = frames[t].SecondP;
            }
        }

        return output;
    }

    private static int Column(char c) => c == Blank ? 0 : c == ' ' ? Keys.Length + 1 : Array.IndexOf(Keys, c.ToString()) + 1;
}
