using BankcardOcr.CardSynth;

namespace BankcardOcr.Accuracy;

/// <summary>What a photo's label asks of the recognizer in default mode.</summary>
internal enum Scoring
{
    /// <summary>A real card number, read in full and Luhn-valid: default mode must return exactly it.</summary>
    Exact,

    /// <summary>Printed digits read in full that are no valid card number (specimens, account numbers): default mode must return no number.</summary>
    Raw,

    /// <summary>No number a person can read in full: any number returned is wrong.</summary>
    None,
}

/// <summary>
/// One photo with its truth, real or generated, in the shape the real-photo run needs: the printed digits, how
/// default mode is scored, the print style, the printed expiry and the number line's corners where they are known.
/// </summary>
internal sealed class LabelledPhoto
{
    public required string Name { get; init; }

    /// <summary>The set the photo belongs to: <c>real</c>, or a synthetic level (<c>clean</c>, <c>hard</c>).</summary>
    public required string Set { get; init; }

    public required Scoring Scoring { get; init; }

    /// <summary><c>embossed</c> or <c>flat</c>.</summary>
    public required string Print { get; init; }

    /// <summary>The printed digits; for <see cref="Scoring.None"/> they may hold '?' or be empty.</summary>
    public required string Number { get; init; }

    /// <summary>The printed "valid thru" as MM/YY, a placeholder such as 00/00, or empty when none is printed.</summary>
    public string Expiry { get; init; } = string.Empty;

    /// <summary>The number line's corners in the file's pixels (top-left, top-right, bottom-right, bottom-left), or null.</summary>
    public IReadOnlyList<CardPoint>? Quad { get; init; }

    /// <summary>Loads the encoded image: real photos are read from disk only when their turn comes.</summary>
    public required Func<byte[]> Load { get; init; }

    /// <summary>Whether the label holds a whole number to compare a raw reading with (real numbers and specimens).</summary>
    public bool HasFullNumber => Scoring != Scoring.None && Number.Length > 0 && Number.All(char.IsAsciiDigit);

    /// <summary>Whether <see cref="Expiry"/> is a date a card can print (month 01–12); placeholders and blanks are not.</summary>
    public bool HasRealExpiry => ExpiryMonthYear(Expiry) is not null;

    /// <summary>(month, two-digit year) of an MM/YY date with a real month, else null.</summary>
    public static (int Month, int Year)? ExpiryMonthYear(string mmYy)
    {
        var parts = mmYy.Split('/');
        return parts.Length == 2 && parts[0].Length == 2 && parts[1].Length is 2 or 4
            && int.TryParse(parts[0], out var month) && int.TryParse(parts[1], out var year) && month is >= 1 and <= 12
            ? (month, year % 100)
            : null;
    }

    /// <summary>A generated card, labelled as a real card would be.</summary>
    public static LabelledPhoto FromSynthetic(SyntheticCard card) => new()
    {
        Name = card.FileName,
        Set = card.Level.ToString().ToLowerInvariant(),
        Scoring = Scoring.Exact,
        Print = card.Style == PrintStyle.Embossed ? "embossed" : "flat",
        Number = card.Number,
        Expiry = card.Expiry,
        Quad = card.NumberQuad.Count == 4 ? card.NumberQuad : null,
        Load = () => card.Image,
    };
}
