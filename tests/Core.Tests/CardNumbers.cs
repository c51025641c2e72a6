namespace BankcardOcr.Core.Tests;

/// <summary>Builds test card numbers: a prefix, filler digits and a correct (or deliberately wrong) check digit.</summary>
internal static class CardNumbers
{
    /// <summary>A reference Luhn written differently from the product's: sums a precomputed table of doubled digits from the left.</summary>
    public static bool ReferenceLuhn(string digits)
    {
        int[] doubled = { 0, 2, 4, 6, 8, 1, 3, 5, 7, 9 };
        var parity = digits.Length % 2;
        var total = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[i] - '0';
            total += i % 2 == parity ? doubled[d] : d;
        }

        return total % 10 == 0;
    }

    /// <summary>A number of <paramref name="length"/> digits starting with <paramref name="prefix"/> that passes Luhn.</summary>
    public static string WithValidCheckDigit(string prefix, int length, char filler = '0')
    {
        var body = prefix.PadRight(length - 1, filler);
        for (var check = 0; check <= 9; check++)
        {
            var candidate = body + (char)('0' + check);
            if (ReferenceLuhn(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("unreachable: one check digit always fits");
    }

    /// <summary>The same number with its check digit off by one, so Luhn fails.</summary>
    public static string WithWrongCheckDigit(string prefix, int length)
    {
        var valid = WithValidCheckDigit(prefix, length);
        var last = (char)('0' + ((valid[^1] - '0' + 1) % 10));
        return valid[..^1] + last;
    }

    /// <summary>The masked form written independently of the product: six digits, stars, the last four.</summary>
    public static string Masked(string digits) => digits[..6] + new string('*', digits.Length - 10) + digits[^4..];
}
