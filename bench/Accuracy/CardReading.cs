using BankcardOcr.CardSynth;

namespace BankcardOcr.Accuracy;

/// <summary>What became of one card.</summary>
internal enum ReadingVerdict
{
    /// <summary>The number returned is the card's number.</summary>
    Exact,

    /// <summary>A number was returned and it is not the card's: the worst outcome.</summary>
    Wrong,

    /// <summary>The recognizer said it found no number (NoCardFound).</summary>
    Abstained,

    /// <summary>Any other error: the image never got a fair reading (a bug, a crash, a refused format).</summary>
    Failed,
}

/// <summary>One card's truth beside what the recognizer answered.</summary>
internal sealed class CardReading
{
    public CardReading(SyntheticCard card, ReadingVerdict verdict, string returnedNumber, double? confidence, string returnedExpiry, double milliseconds, string error)
    {
        Card = card;
        Verdict = verdict;
        ReturnedNumber = returnedNumber;
        Confidence = confidence;
        ReturnedExpiry = returnedExpiry;
        Milliseconds = milliseconds;
        Error = error;
    }

    public SyntheticCard Card { get; }

    public ReadingVerdict Verdict { get; }

    /// <summary>The digits returned; empty when none.</summary>
    public string ReturnedNumber { get; }

    public double? Confidence { get; }

    /// <summary>ValidThru as returned (MM/yyyy); empty when none.</summary>
    public string ReturnedExpiry { get; }

    /// <summary>Wall time of prepare + recognise for this image.</summary>
    public double Milliseconds { get; }

    /// <summary>CPU time the process spent meanwhile (every thread of it), which other processes' load does not inflate.</summary>
    public double CpuMilliseconds { get; init; }

    /// <summary>The error kind and message for abstentions and failures.</summary>
    public string Error { get; }

    /// <summary>How far the number line leans in the photo, in degrees (absolute), from its top edge.</summary>
    public double LineTilt
    {
        get
        {
            var q = Card.NumberQuad;
            return q.Count < 2 ? 0 : Math.Abs(Math.Atan2(q[1].Y - q[0].Y, q[1].X - q[0].X) * 180 / Math.PI);
        }
    }

    /// <summary>The digits' height in the photo, in pixels (left edge of the line).</summary>
    public double DigitHeight
    {
        get
        {
            var q = Card.NumberQuad;
            return q.Count < 4 ? 0 : Math.Sqrt(Math.Pow(q[3].X - q[0].X, 2) + Math.Pow(q[3].Y - q[0].Y, 2));
        }
    }

    public bool ExpiryRight => ReturnedExpiry.Length > 0 && ReturnedExpiry == Card.ValidThru;

    /// <summary>Classifies an answer: a returned number is exact or wrong, whatever confidence came with it.</summary>
    public static ReadingVerdict Judge(string truth, string? returned) =>
        string.IsNullOrEmpty(returned) ? ReadingVerdict.Abstained : returned == truth ? ReadingVerdict.Exact : ReadingVerdict.Wrong;
}
