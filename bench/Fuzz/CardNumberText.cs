using System.Globalization;
using System.Text;

namespace BankcardOcr.Fuzz;

/// <summary>
/// Card numbers as users paste them: digits of any script (Unicode Nd, in the BMP and beyond), grouped by any space,
/// dash or invisible mark, now and then with a stray character (a letter O, '*', a superscript, an emoji, a lone
/// surrogate, a line break), and the check that nothing the module shows of such text holds a card number: no run of
/// 12 or more digits of any script, spaces, dashes and invisible marks allowed between them. Written with
/// <see cref="Rune"/>, apart from the module's own reading of digits, so that the two can disagree.
/// </summary>
public static class CardNumberText
{
    /// <summary>The longest run of digits anything shown may hold: 12 is the shortest card number.</summary>
    public const int LongestAllowedRun = 11;

    /// <summary>The zero of every decimal digit set the runtime knows (U+0030, U+0660, U+FF10, U+1D7CE, …).</summary>
    public static IReadOnlyList<int> Zeros { get; } = Enumerable.Range(0, 0x110000)
        .Where(c => Rune.IsValid(c) && Rune.GetUnicodeCategory(new Rune(c)) == UnicodeCategory.DecimalDigitNumber && Rune.GetNumericValue(new Rune(c)) == 0)
        .ToArray();

    /// <summary>Every character that may stand between digit groups: spaces, dashes, invisible marks, tab, minus.</summary>
    public static IReadOnlyList<int> Separators { get; } = Enumerable.Range(0, 0x10000)
        .Where(c => !char.IsSurrogate((char)c) && IsSeparator(new Rune(c)))
        .ToArray();

    private static readonly string[] Strays =
    [
        "O", "o", "l", "I", "S", "B", "*", ".", "/", ",", "_", "+", "#", "(", ")", "²", "³", "¹", "①", "⑨", "Ⅻ", "½", "٫", "٬",
        "\n", "\r\n", "\0", "\u00AD", "😀", "\uD83D", "\uDE00", "𝟘", "�", "a", "Z", "ß",
    ];

    /// <summary>One case: the text, as UTF-16 bytes so that lone surrogates survive.</summary>
    public static byte[] Next(Random random)
    {
        var text = new StringBuilder();
        var count = random.Next(10) switch
        {
            < 7 => random.Next(12, 20),
            < 9 => random.Next(2) == 0 ? random.Next(8, 12) : random.Next(20, 25),
            _ => random.Next(0, 41),
        };
        var zero = Zeros[random.Next(Zeros.Count)];
        var mixed = random.Next(4) == 0;
        var grouping = random.Next(4) == 0 ? 0 : random.Next(3, 7);
        if (random.Next(8) == 0)
        {
            AppendSeparators(random, text);
        }

        for (var i = 0; i < count; i++)
        {
            if (i > 0 && ((grouping > 0 && i % grouping == 0) || random.Next(12) == 0))
            {
                AppendSeparators(random, text);
            }

            var digitZero = mixed ? Zeros[random.Next(Zeros.Count)] : zero;
            text.Append(char.ConvertFromUtf32(digitZero + random.Next(10)));
        }

        if (random.Next(3) == 0)
        {
            var stray = random.Next(6) == 0 ? RandomCharacter(random) : Strays[random.Next(Strays.Length)];
            text.Insert(SafeInsertionPoint(text, random.Next(text.Length + 1)), stray);
        }

        if (random.Next(8) == 0)
        {
            AppendSeparators(random, text);
        }

        var value = text.ToString();
        var bytes = new byte[value.Length * 2];
        Buffer.BlockCopy(value.ToCharArray(), 0, bytes, 0, bytes.Length);
        return bytes;
    }

    /// <summary>The text a case's bytes hold.</summary>
    public static string Read(byte[] bytes)
    {
        var chars = new char[bytes.Length / 2];
        Buffer.BlockCopy(bytes, 0, chars, 0, chars.Length * 2);
        return new string(chars);
    }

    /// <summary>The digits of <paramref name="text"/> as ASCII when it is a well-formed card number's text (digits and separators only), else null.</summary>
    public static string? ExpectedDigits(string text)
    {
        var digits = new StringBuilder();
        for (var i = 0; i < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var used) != System.Buffers.OperationStatus.Done)
            {
                return null;
            }

            if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.DecimalDigitNumber)
            {
                digits.Append((char)('0' + (int)Rune.GetNumericValue(rune)));
            }
            else if (!IsSeparator(rune))
            {
                return null;
            }

            i += used;
        }

        return digits.ToString();
    }

    /// <summary>The longest run of digits of any script in <paramref name="text"/>, separators allowed between them.</summary>
    public static int LongestDigitRun(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        var longest = 0;
        var run = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.DecimalDigitNumber)
            {
                longest = Math.Max(longest, ++run);
            }
            else if (!IsSeparator(rune))
            {
                run = 0;
            }
        }

        return longest;
    }

    private static bool IsSeparator(Rune rune) =>
        rune.Value == '\t' || rune.Value == 0x2212 || Rune.GetUnicodeCategory(rune) is UnicodeCategory.SpaceSeparator or UnicodeCategory.DashPunctuation or UnicodeCategory.Format;

    private static void AppendSeparators(Random random, StringBuilder text)
    {
        var count = random.Next(4) == 0 ? random.Next(2, 4) : 1;
        for (var i = 0; i < count; i++)
        {
            text.Append(char.ConvertFromUtf32(random.Next(3) == 0 ? " -"[random.Next(2)] : Separators[random.Next(Separators.Count)]));
        }
    }

    private static string RandomCharacter(Random random)
    {
        var code = random.Next(2) == 0 ? random.Next(0x20, 0x3000) : random.Next(0, 0x110000);
        return char.IsSurrogate((char)Math.Min(code, 0xFFFF)) && code <= 0xFFFF ? ((char)code).ToString() : char.ConvertFromUtf32(code);
    }

    /// <summary>Inserting between the halves of a surrogate pair would make two lone surrogates; step past the pair.</summary>
    private static int SafeInsertionPoint(StringBuilder text, int index) =>
        index > 0 && index < text.Length && char.IsLowSurrogate(text[index]) && char.IsHighSurrogate(text[index - 1]) ? index + 1 : index;
}
