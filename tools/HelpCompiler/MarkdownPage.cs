using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace BankcardOcr.HelpCompiler
{
    /// <summary>A source line and its 1-based number, kept so errors can point into the page.</summary>
    public readonly record struct SourceLine(int Number, string Text);

    /// <summary>A heading and the lines under it up to the next heading of any level.</summary>
    public sealed class MarkdownSection
    {
        public MarkdownSection(int level, string title, int line)
        {
            Level = level;
            Title = title;
            Line = line;
        }

        public int Level { get; }
        public string Title { get; }
        public int Line { get; }
        public List<SourceLine> Body { get; } = new();
    }

    /// <summary>
    /// Splits a markdown page into its yaml front matter and a flat list of sections. Headings inside fenced
    /// code are text (a PowerShell comment starts with #), so fences are tracked while scanning.
    /// </summary>
    public sealed class MarkdownPage
    {
        private static readonly Regex Heading = new(@"^(#{1,6})\s+(.*?)\s*#*\s*$", RegexOptions.CultureInvariant);

        private MarkdownPage(string name) => Name = name;

        /// <summary>The page's file name, used in every error message.</summary>
        public string Name { get; }
        public Dictionary<string, string> FrontMatter { get; } = new(StringComparer.OrdinalIgnoreCase);
        public List<MarkdownSection> Sections { get; } = new();

        public static MarkdownPage Parse(string name, string text)
        {
            var page = new MarkdownPage(name);
            var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
            var i = 0;
            if (lines.Length > 0 && lines[0].TrimEnd() == "---")
            {
                for (i = 1; i < lines.Length && lines[i].TrimEnd() != "---"; i++)
                {
                    var colon = lines[i].IndexOf(':');
                    if (colon > 0)
                    {
                        page.FrontMatter[lines[i].Substring(0, colon).Trim()] = lines[i].Substring(colon + 1).Trim();
                    }
                }

                if (i == lines.Length)
                {
                    throw new HelpPageException(name, 1, "the front matter opened with --- is never closed.");
                }

                i++;
            }

            MarkdownSection? current = null;
            string? fence = null;
            var fenceLine = 0;
            for (; i < lines.Length; i++)
            {
                var line = lines[i];
                var trimmed = line.TrimStart();
                if (fence == null && (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal)))
                {
                    fence = trimmed.Substring(0, 3);
                    fenceLine = i + 1;
                }
                else if (fence != null && trimmed.StartsWith(fence, StringComparison.Ordinal) && trimmed.Trim('`', '~', ' ').Length == 0)
                {
                    fence = null;
                }
                else if (fence == null && Heading.Match(line) is { Success: true } m)
                {
                    current = new MarkdownSection(m.Groups[1].Length, m.Groups[2].Value, i + 1);
                    page.Sections.Add(current);
                    continue;
                }

                if (current == null)
                {
                    if (line.Trim().Length > 0)
                    {
                        throw new HelpPageException(name, i + 1, "text before the first heading.");
                    }

                    continue;
                }

                current.Body.Add(new SourceLine(i + 1, line));
            }

            if (fence != null)
            {
                throw new HelpPageException(name, fenceLine, $"the code block opened with {fence} is never closed.");
            }

            return page;
        }
    }
}
