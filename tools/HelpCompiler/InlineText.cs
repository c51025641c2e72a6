using System;
using System.Text;
using System.Text.RegularExpressions;

namespace BankcardOcr.HelpCompiler
{
    /// <summary>
    /// Turns markdown inline formatting into the plain text Get-Help prints: code spans lose their backticks,
    /// emphasis its markers, links keep their text (and an absolute address in parentheses, which a console
    /// reader can still follow). Code spans are literal, so masks like 622848*********0018 survive.
    /// </summary>
    public static class InlineText
    {
        private static readonly Regex Link = new(@"\[([^\]]*)\]\(([^)\s]*)(?:\s+""[^""]*"")?\)", RegexOptions.CultureInvariant);
        private static readonly Regex Strong = new(@"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", RegexOptions.CultureInvariant);

        // Single underscores are left alone: they sit inside names such as about_BankcardOcr and
        // TENCENTCLOUD_SECRET_ID far more often than they mark emphasis.
        private static readonly Regex Emphasis = new(@"(?<![\w*\\])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])", RegexOptions.CultureInvariant);
        private static readonly Regex Escape = new(@"\\([\\`*_{}\[\]()#+\-.!|<>])", RegexOptions.CultureInvariant);

        public static string ToPlain(string markdown)
        {
            var result = new StringBuilder();
            var i = 0;
            while (i < markdown.Length)
            {
                var open = markdown.IndexOf('`', i);
                if (open < 0)
                {
                    result.Append(Prose(markdown.Substring(i)));
                    break;
                }

                var ticks = 1;
                while (open + ticks < markdown.Length && markdown[open + ticks] == '`')
                {
                    ticks++;
                }

                var close = markdown.IndexOf(new string('`', ticks), open + ticks, StringComparison.Ordinal);
                if (close < 0)
                {
                    // An unmatched backtick is literal text in markdown.
                    result.Append(Prose(markdown.Substring(i)));
                    break;
                }

                result.Append(Prose(markdown.Substring(i, open - i)));
                // As in CommonMark, one space each side lets a code span start or end with a backtick.
                var code = markdown.Substring(open + ticks, close - open - ticks);
                result.Append(code.Length > 2 && code[0] == ' ' && code[code.Length - 1] == ' ' && code.Trim().Length > 0 ? code.Substring(1, code.Length - 2) : code);
                i = close + ticks;
            }

            return result.ToString();
        }

        private static string Prose(string text)
        {
            text = Link.Replace(text, m => IsAbsolute(m.Groups[2].Value) && m.Groups[1].Value != m.Groups[2].Value
                ? $"{m.Groups[1].Value} ({m.Groups[2].Value})"
                : m.Groups[1].Value);
            text = Strong.Replace(text, "$2");
            text = Emphasis.Replace(text, "$1");
            return Escape.Replace(text, "$1");
        }

        public static bool IsAbsolute(string uri) =>
            uri.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || uri.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
    }
}
