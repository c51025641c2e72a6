using System.Globalization;
using System.Text;
using BankcardOcr.CardSynth;

namespace BankcardOcr.Accuracy;

/// <summary>
/// A folder of labelled photos: <c>labels.csv</c> (<c>file, card_number, expiry, kind, print, scored, notes</c>) and,
/// optionally, <c>quads.csv</c> (<c>file, x1, y1, … x4, y4</c>: the number line's corners in the file's pixels).
/// </summary>
internal static class RealPhotoSet
{
    public static IReadOnlyList<LabelledPhoto> Load(string folder)
    {
        var labels = Path.Combine(folder, "labels.csv");
        if (!File.Exists(labels))
        {
            throw new ArgumentException($"{folder} holds no labels.csv.");
        }

        var quads = new Dictionary<string, IReadOnlyList<CardPoint>>(StringComparer.Ordinal);
        var quadFile = Path.Combine(folder, "quads.csv");
        if (File.Exists(quadFile))
        {
            foreach (var row in ReadCsv(quadFile))
            {
                var points = Enumerable.Range(1, 4)
                    .Select(i => new CardPoint(Coordinate(row, $"x{i}"), Coordinate(row, $"y{i}")))
                    .ToArray();
                quads[row["file"]] = TopLeftFirst(points);
            }
        }

        var photos = new List<LabelledPhoto>();
        foreach (var row in ReadCsv(labels))
        {
            var file = row["file"];
            var path = Path.Combine(folder, file);
            photos.Add(new LabelledPhoto
            {
                Name = file,
                Set = "real",
                Scoring = row["scored"] switch
                {
                    "exact" => Scoring.Exact,
                    "raw" => Scoring.Raw,
                    "none" => Scoring.None,
                    var other => throw new FormatException($"{file}: scored '{other}' is none of exact, raw, none."),
                },
                Print = row["print"],
                Number = row["card_number"].Replace(" ", string.Empty, StringComparison.Ordinal),
                Expiry = row["expiry"],
                Quad = quads.GetValueOrDefault(file),
                Load = () => File.ReadAllBytes(path),
            });
        }

        return photos;
    }

    /// <summary>
    /// The corners in the order the line crop expects (top-left, top-right, bottom-right, bottom-left), whichever
    /// way round and from whichever corner they were marked: clockwise on screen, starting where the long top
    /// edge runs left to right.
    /// </summary>
    public static IReadOnlyList<CardPoint> TopLeftFirst(IReadOnlyList<CardPoint> corners)
    {
        var cx = corners.Average(p => p.X);
        var cy = corners.Average(p => p.Y);
        var ring = corners.OrderBy(p => Math.Atan2(p.Y - cy, p.X - cx)).ToArray();
        double Length(int from) => Distance(ring[from], ring[(from + 1) % 4]);
        var along = Length(0) + Length(2) >= Length(1) + Length(3) ? 0 : 1;
        var start = ring[(along + 1) % 4].X - ring[along].X >= 0 ? along : along + 2;
        return Enumerable.Range(0, 4).Select(i => ring[(start + i) % 4]).ToArray();
    }

    public static double Distance(CardPoint a, CardPoint b) => Math.Sqrt(Math.Pow(a.X - b.X, 2) + Math.Pow(a.Y - b.Y, 2));

    private static float Coordinate(IReadOnlyDictionary<string, string> row, string column) =>
        float.Parse(row[column], NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Rows of an RFC 4180 file keyed by its header: fields may be quoted and hold commas, quotes ("") and line breaks.</summary>
    public static IEnumerable<IReadOnlyDictionary<string, string>> ReadCsv(string path)
    {
        var records = ParseCsv(File.ReadAllText(path, Encoding.UTF8)).ToList();
        if (records.Count == 0)
        {
            yield break;
        }

        var header = records[0].Select(h => h.Trim()).ToArray();
        foreach (var record in records.Skip(1).Where(r => r.Count > 1 || r[0].Length > 0))
        {
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                row[header[i]] = i < record.Count ? record[i].Trim() : string.Empty;
            }

            yield return row;
        }
    }

    private static IEnumerable<List<string>> ParseCsv(string text)
    {
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"': quoted = true; break;
                case ',':
                    record.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r': break;
                case '\n':
                    record.Add(field.ToString());
                    field.Clear();
                    yield return record;
                    record = new List<string>();
                    break;
                default: field.Append(c); break;
            }
        }

        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            yield return record;
        }
    }
}
