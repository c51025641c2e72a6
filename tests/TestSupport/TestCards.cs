using BankcardOcr.CardSynth;

namespace BankcardOcr.TestSupport;

/// <summary>
/// Card photos for the offline recognizer's tests and benchmarks, drawn by tools/CardSynth at its clean level (card
/// large and nearly square in the frame, plain table, light blur, noise and JPEG compression) with the number, groups
/// and expiry a test asks for. Card <c>index</c> picks the rest (style, issuer artwork, scene) from one fixed set seed,
/// so the same arguments give the same bytes and a failing test is reproduced exactly. JPEG, 1280 × 960.
/// </summary>
public static class TestCards
{
    /// <summary>The set seed: changing it redraws every test card.</summary>
    public const ulong Seed = 17_2026;

    private static readonly CardGenerator Generator = new(Seed);

    /// <summary>Card <paramref name="index"/> showing <paramref name="number"/> in <paramref name="grouping"/> and <paramref name="expiry"/> (<c>MM/YY</c>, empty for none).</summary>
    /// <param name="number">The digits to print: Luhn-valid or not, any length.</param>
    /// <param name="grouping">The group sizes; null for groups of four.</param>
    /// <param name="expiry">The expiry as printed.</param>
    /// <param name="index">Which card of the set carries it.</param>
    /// <param name="quarterTurns">Clockwise quarter turns of the photo, as a scanner fed the card sideways or upside down stores it.</param>
    public static byte[] Card(string number, IReadOnlyList<int>? grouping, string expiry, int index, int quarterTurns = 0) =>
        Generator.Print(CardLevel.Clean, index, new CardPrint { Number = number, Grouping = grouping, Expiry = expiry, QuarterTurns = quarterTurns }).Image;

    /// <summary>Card <paramref name="index"/> with no number and no expiry: the artwork, chip and holder's name only.</summary>
    public static byte[] Blank(int index) => Generator.Print(CardLevel.Clean, index, CardPrint.Blank).Image;
}
