namespace BankcardOcr.LineReaders;

/// <summary>How one reader did on one set of lines: exact lines, digits right, agreement with the other reader.</summary>
internal sealed class LineScore
{
    public int Lines { get; private set; }

    public int Exact { get; private set; }

    public int Digits { get; private set; }

    public int DigitsRight { get; private set; }

    public double Milliseconds { get; set; }

    /// <summary>Counts a reading of <paramref name="truth"/> (digits only; spaces ignored on both sides).</summary>
    public void Add(string truth, string read)
    {
        var t = DigitsOf(truth);
        var r = DigitsOf(read);
        Lines++;
        Exact += t == r ? 1 : 0;
        Digits += t.Length;
        DigitsRight += Math.Max(0, t.Length - Distance(t, r));
    }

    public static string DigitsOf(string text) => new string(text.Where(char.IsAsciiDigit).ToArray());

    /// <summary>Levenshtein distance: a lost or an extra digit costs one, not the rest of the line.</summary>
    public static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var previous = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var kept = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), previous + (a[i - 1] == b[j - 1] ? 0 : 1));
                previous = kept;
            }
        }

        return row[b.Length];
    }

    public string Percent(int part, int whole) => whole == 0 ? "–" : $"{100.0 * part / whole:0.0} %";

    public string ExactText => $"{Exact}/{Lines} ({Percent(Exact, Lines)})";

    public string DigitsText => Percent(DigitsRight, Digits);
}

/// <summary>The two readers side by side on one set: each one's score, and how often they agree (and are wrong).</summary>
internal sealed class PairScore
{
    /// <summary>What the card rules (<see cref="Providers.Local.CardNumberChooser"/>) verify in each reading: right and wrong numbers.</summary>
    public (int Right, int Wrong) PpOcrVerified;
    public (int Right, int Wrong) DigitsVerified;
    public (int Right, int Wrong) BothVerified;
    public (int Right, int Wrong) EitherVerified;

    public LineScore PpOcr { get; } = new LineScore();

    public LineScore Digits { get; } = new LineScore();

    public int Agree { get; private set; }

    public int AgreeWrong { get; private set; }

    /// <summary>Agreements on a reading as long as the number and still wrong: what would pass a length check.</summary>
    public int AgreeWrongFull { get; private set; }

    public int EitherRight { get; private set; }

    public void Add(string truth, string ppocr, string digits)
    {
        PpOcr.Add(truth, ppocr);
        Digits.Add(truth, digits);
        var p = LineScore.DigitsOf(ppocr);
        var d = LineScore.DigitsOf(digits);
        var t = LineScore.DigitsOf(truth);
        if (p.Length > 0 && p == d)
        {
            Agree++;
            AgreeWrong += p == t ? 0 : 1;
            AgreeWrongFull += p != t && p.Length == t.Length ? 1 : 0;
        }

        EitherRight += p == t || d == t ? 1 : 0;
    }

    /// <summary>Counts what the card rules make of each reading of <paramref name="truth"/>, alone and with the other's.</summary>
    public void AddVerified(string truth, Providers.Local.RecognizedText ppocr, Providers.Local.RecognizedText digits)
    {
        var t = LineScore.DigitsOf(truth);
        var p = Providers.Local.CardNumberChooser.Choose(Providers.Local.CardNumberChooser.Candidates(new[] { ppocr }))?.Digits;
        var d = Providers.Local.CardNumberChooser.Choose(Providers.Local.CardNumberChooser.Candidates(new[] { digits }))?.Digits;
        static void Count(ref (int Right, int Wrong) tally, string? number, string truth)
        {
            if (number != null)
            {
                tally = number == truth ? (tally.Right + 1, tally.Wrong) : (tally.Right, tally.Wrong + 1);
            }
        }

        Count(ref PpOcrVerified, p, t);
        Count(ref DigitsVerified, d, t);
        Count(ref BothVerified, p != null && p == d ? p : null, t);
        Count(ref EitherVerified, p ?? d, t);
    }

    public string VerifiedRow(string set) =>
        $"| {set} | {PpOcr.Lines} | {PpOcrVerified.Right} / {PpOcrVerified.Wrong} | {DigitsVerified.Right} / {DigitsVerified.Wrong} | {BothVerified.Right} / {BothVerified.Wrong} | {EitherVerified.Right} / {EitherVerified.Wrong} |";

    public const string VerifiedHeader =
        "| set | lines | PP-OCRv4 verified right / wrong | digit model verified right / wrong | both verify the same number, right / wrong | either (PP-OCRv4 first), right / wrong |\n|---|---:|---:|---:|---:|---:|";

    public string Row(string set) =>
        $"| {set} | {PpOcr.Lines} | {PpOcr.ExactText} | {Digits.ExactText} | {PpOcr.DigitsText} | {Digits.DigitsText} | {Agree} | {AgreeWrong} | {AgreeWrongFull} | {EitherRight} | {PpOcr.Milliseconds / Math.Max(1, PpOcr.Lines):0.0} | {Digits.Milliseconds / Math.Max(1, Digits.Lines):0.0} |";

    public const string Header =
        "| set | lines | PP-OCRv4 exact | digit model exact | PP-OCRv4 digits | digit model digits | agree | agree & wrong | … full length | either right | PP-OCRv4 ms/line | digit model ms/line |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";
}
