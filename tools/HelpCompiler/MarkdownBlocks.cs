using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace BankcardOcr.HelpCompiler
{
    public enum BlockKind
    {
        Paragraph,
        List,
        Table,
        Code,
    }

    /// <summary>A paragraph, list, table or code block. Lines are kept raw; list items already have their
    /// continuation lines folded in.</summary>
    public sealed class MarkdownBlock
    {
        public MarkdownBlock(BlockKind kind, int line)
        {
            Kind = kind;
            Line = line;
        }

        public BlockKind Kind { get; }
        public int Line { get; }
        public string Language { get; set; } = "";
        public List<string> Lines { get; } = new();

        /// <summary>The block as plain text for MAML: soft line breaks become spaces, list items and table rows
        /// stay one per line, code stays verbatim.</summary>
        public string ToPlainText() => Kind switch
        {
            BlockKind.Paragraph => InlineText.ToPlain(string.Join(" ", Lines.Select(l => l.Trim()))),
            BlockKind.List => string.Join("\n", Lines.Select(InlineText.ToPlain)),
            BlockKind.Table => string.Join("\n", Lines.Select(TableRow)),
            _ => string.Join("\n", Lines),
        };

        private static string TableRow(string row) =>
            string.Join(" | ", row.Trim().Trim('|').Split('|').Select(cell => InlineText.ToPlain(cell.Trim())));
    }

    /// <summary>Splits section bodies into blocks on blank lines, the way markdown renders them.</summary>
    public static class MarkdownBlocks
    {
        private static readonly Regex ListItem = new(@"^\s{0,3}([-*+]|\d{1,3}[.)])\s+", RegexOptions.CultureInvariant);
        private static readonly Regex TableSeparator = new(@"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$", RegexOptions.CultureInvariant);

        public static List<MarkdownBlock> Split(IReadOnlyList<SourceLine> body)
        {
            var blocks = new List<MarkdownBlock>();
            MarkdownBlock? current = null;
            for (var i = 0; i < body.Count; i++)
            {
                var (number, text) = body[i];
                var trimmed = text.TrimStart();
                if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
                {
                    var fence = trimmed.Substring(0, 3);
                    var code = new MarkdownBlock(BlockKind.Code, number) { Language = trimmed.Trim('`', '~', ' ') };
                    // MarkdownPage has already rejected an unclosed fence, so the closing line exists.
                    for (i++; i < body.Count && !IsFenceEnd(body[i].Text, fence); i++)
                    {
                        code.Lines.Add(body[i].Text);
                    }

                    blocks.Add(code);
                    current = null;
                }
                else if (text.Trim().Length == 0)
                {
                    current = null;
                }
                else if (current == null && text.StartsWith("    ", StringComparison.Ordinal))
                {
                    current = Start(blocks, BlockKind.Code, number);
                    current.Lines.Add(text.Substring(4));
                }
                else if (current?.Kind == BlockKind.Code && text.StartsWith("    ", StringComparison.Ordinal))
                {
                    current.Lines.Add(text.Substring(4));
                }
                else if (ListItem.IsMatch(text) && (current == null || current.Kind != BlockKind.Table))
                {
                    current = current?.Kind == BlockKind.List ? current : Start(blocks, BlockKind.List, number);
                    current.Lines.Add(text.Trim());
                }
                else if (current?.Kind == BlockKind.List)
                {
                    // A lazy or indented continuation of the last item.
                    current.Lines[current.Lines.Count - 1] += " " + text.Trim();
                }
                else if ((trimmed.StartsWith("|", StringComparison.Ordinal) && current?.Kind != BlockKind.Paragraph) || current?.Kind == BlockKind.Table)
                {
                    current = current?.Kind == BlockKind.Table ? current : Start(blocks, BlockKind.Table, number);
                    if (!TableSeparator.IsMatch(text))
                    {
                        current.Lines.Add(text.Trim());
                    }
                }
                else
                {
                    // Text right after indented code ends it, as in markdown.
                    current = current?.Kind == BlockKind.Paragraph ? current : Start(blocks, BlockKind.Paragraph, number);
                    current.Lines.Add(text);
                }
            }

            return blocks;
        }

        private static bool IsFenceEnd(string text, string fence)
        {
            var trimmed = text.Trim();
            return trimmed.StartsWith(fence, StringComparison.Ordinal) && trimmed.Trim(fence[0]).Length == 0;
        }

        private static MarkdownBlock Start(List<MarkdownBlock> blocks, BlockKind kind, int line)
        {
            var block = new MarkdownBlock(kind, line);
            blocks.Add(block);
            return block;
        }
    }
}
