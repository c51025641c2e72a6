using System.Globalization;
using BankcardOcr.CardSynth;
using BankcardOcr.Imaging;
using BankcardOcr.Providers.Local;

namespace BankcardOcr.LineReaders;

/// <summary>
/// The real-card folder (photos and crops gathered for measuring, never shipped): where it is and how its quad files
/// read. Only aggregates of it are ever printed.
/// </summary>
internal static class RealFolder
{
    /// <summary>--real, else BANKCARDOCR_REALCARDS, else ../shared/realcards beside the repository; null when absent.</summary>
    public static string? Locate(string? given)
    {
        var path = given ?? Environment.GetEnvironmentVariable("BANKCARDOCR_REALCARDS") ?? Path.Combine(RepoRoot(), "..", "shared", "realcards");
        return Directory.Exists(path) ? Path.GetFullPath(path) : null;
    }

    /// <summary>The folder holding BankcardOcr.sln above this program.</summary>
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "BankcardOcr.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("BankcardOcr.sln was not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A photo as the recognizer keeps it: at most 1280 pixels on the long side; <paramref name="scale"/> is the shrink.</summary>
    public static RgbImage AsLoaded(RgbImage image, out float scale)
    {
        var longSide = Math.Max(image.Width, image.Height);
        scale = 1;
        if (longSide <= RecognizerTuning.Default.LargestScale)
        {
            return image;
        }

        scale = (float)RecognizerTuning.Default.LargestScale / longSide;
        return BoxResampler.Resize(image, Math.Max(1, (int)Math.Round(image.Width * scale)), Math.Max(1, (int)Math.Round(image.Height * scale)));
    }

    /// <summary>Rows of a CSV with a header, as dictionaries (no quoted commas in these files' used columns).</summary>
    public static List<Dictionary<string, string>> ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = SplitCsv(lines[0]);
        return lines.Skip(1).Where(l => l.Length > 0).Select(l =>
        {
            var cells = SplitCsv(l);
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++)
            {
                row[header[i]] = i < cells.Count ? cells[i] : string.Empty;
            }

            return row;
        }).ToList();
    }

    /// <summary>The quad of a row with columns x1 y1 … x4 y4.</summary>
    public static CardPoint[] Quad(Dictionary<string, string> row) =>
        Enumerable.Range(1, 4).Select(i => new CardPoint(
            float.Parse(row["x" + i], CultureInfo.InvariantCulture),
            float.Parse(row["y" + i], CultureInfo.InvariantCulture))).ToArray();

    private static List<string> SplitCsv(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }
}
