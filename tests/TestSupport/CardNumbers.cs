namespace BankcardOcr.TestSupport;

/// <summary>
/// Test card numbers: a prefix, filler digits and a correct (or deliberately wrong) check digit, their printed
/// groups and their masked form, all written independently of the product's card rules so that a test compares the
/// product against something else.
/// </summary>
public static class CardNumbers
{
    private static readonly int[] Doubled = [0, 2, 4, 6, 8, 1, 3, 5, 7, 9];

    /// <summary>A reference Luhn written differently from the product's: sums a precomputed table of doubled digits from the left.</summary>
    public static bool ReferenceLuhn(string digits)
    {
        var parity = digits.Length % 2;
        var total = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[i] - '0';
            total += i % 2 == parity ? Doubled[d] : d;
        }

        return total % 10 == 0;
    }

    /// <summary>A number of <paramref name="length"/> digits starting with <paramref name="prefix"/> that passes Luhn.</summary>
    /// <param name="prefix">The leading digits; cut to <paramref name="length"/> − 1 if longer.</param>
    /// <param name="length">The whole number's length, check digit included.</param>
    /// <param name="filler">The digit that pads the prefix.</param>
    public static string WithValidCheckDigit(string prefix, int length, char filler = '0')
    {
        var body = prefix[..Math.Min(prefix.Length, length - 1)].PadRight(length - 1, filler);
        for (var check = '0'; check <= '9'; check++)
        {
            if (ReferenceLuhn(body + check))
            {
                return body + check;
            }
        }

        throw new InvalidOperationException("unreachable: one check digit always fits");
    }

    /// <summary><paramref name="body"/> followed by the check digit that makes it pass Luhn.</summary>
    public static string WithCheckDigit(string body) => WithValidCheckDigit(body, body.Length + 1);

    /// <summary>The same number with its check digit off by one, so Luhn fails.</summary>
    public static string WithWrongCheckDigit(string prefix, int length) => CheckDigitOff(WithValidCheckDigit(prefix, length));

    /// <summary><paramref name="number"/> with its last digit moved on by <paramref name="by"/> (mod 10): a Luhn-valid number then fails.</summary>
    public static string CheckDigitOff(string number, int by = 1) => number[..^1] + (char)('0' + ((number[^1] - '0' + by) % 10));

    /// <summary>The number as printed: groups of the given sizes separated by single spaces.</summary>
    public static string Grouped(string digits, IReadOnlyList<int> grouping)
    {
        var parts = new List<string>();
        var at = 0;
        foreach (var size in grouping)
        {
            parts.Add(digits.Substring(at, size));
            at += size;
        }

        return string.Join(" ", parts);
    }

    /// <summary>Groups of four from the left, the last one shorter, as most cards print 16- and 19-digit numbers.</summary>
    public static int[] Fours(int length) => Enumerable.Range(0, (length + 3) / 4).Select(i => Math.Min(4, length - (i * 4))).ToArray();

    /// <summary>The masked form written independently of the product: six digits, stars, the last four.</summary>
    public static string Masked(string digits) => digits[..6] + new string('*', digits.Length - 10) + digits[^4..];
}
