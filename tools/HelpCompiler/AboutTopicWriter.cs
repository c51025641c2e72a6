using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace BankcardOcr.HelpCompiler
{
    /// <summary>
    /// Converts an about_*.md page to the plain-text about_*.help.txt Get-Help reads: headings become
    /// upper-case lines, prose is wrapped at 80 columns under a four-space indent as in-box about topics are,
    /// and code keeps its own line breaks.
    /// </summary>
    public static class AboutTopicWriter
    {
        private const int Width = 80;
        private static readonly Regex ListMarker = new(@"^([-*+]|\d{1,3}[.)])\s+", RegexOptions.CultureInvariant);

        public static string Convert(string pageName, string markdown)
        {
            var page = MarkdownPage.Parse(pageName, markdown);
            var expected = System.IO.Path.GetFileNameWithoutExtension(pageName);
            if (page.Sections.Count == 0 || page.Sections[0].Level != 1 || page.Sections[0].Title != expected)
            {
                throw new HelpPageException(pageName, 1, $"an about topic must start with '# {expected}'.");
            }

            var text = new StringBuilder();
            text.Append("TOPIC\n    ").Append(expected).Append('\n');
            foreach (var section in page.Sections)
            {
                if (section.Level > 1)
                {
                    text.Append('\n').Append(' ', 2 * (section.Level - 2)).Append(InlineText.ToPlain(section.Title).ToUpperInvariant()).Append('\n');
                }

                // A heading sits directly on its first block, as in in-box topics; blocks are set apart by a blank line.
                var first = section.Level > 1;
                foreach (var block in MarkdownBlocks.Split(section.Body))
                {
                    text.Append(first ? "" : "\n");
                    AppendBlock(text, block);
                    first = false;
                }
            }

            return text.ToString();
        }

        private static void AppendBlock(StringBuilder text, MarkdownBlock block)
        {
            switch (block.Kind)
            {
                case BlockKind.Code:
                    foreach (var line in block.Lines)
                    {
                        text.Append(line.Length == 0 ? "" : "        " + line).Append('\n');
                    }

                    break;
                case BlockKind.Table:
                    foreach (var row in block.ToPlainText().Split('\n'))
                    {
                        text.Append("    ").Append(row).Append('\n');
                    }

                    break;
                case BlockKind.List:
                    foreach (var item in block.Lines)
                    {
                        var marker = ListMarker.Match(item).Value;
                        Wrap(text, InlineText.ToPlain(item.Substring(marker.Length)), "    " + marker.TrimEnd() + " ", new string(' ', 4 + marker.TrimEnd().Length + 1));
                    }

                    break;
                default:
                    Wrap(text, block.ToPlainText(), "    ", "    ");
                    break;
            }
        }

        private static void Wrap(StringBuilder text, string prose, string firstIndent, string indent)
        {
            var line = new StringBuilder(firstIndent);
            var empty = true;
            foreach (var word in prose.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!empty && line.Length + 1 + word.Length > Width)
                {
                    text.Append(line).Append('\n');
                    line.Clear().Append(indent);
                    empty = true;
                }

                line.Append(empty ? "" : " ").Append(word);
                empty = false;
            }

            text.Append(line).Append('\n');
        }
    }
}
