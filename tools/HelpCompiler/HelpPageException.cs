using System;

namespace BankcardOcr.HelpCompiler
{
    /// <summary>A page that does not follow the PlatyPS 0.14 schema. The message starts with the page and line
    /// in MSBuild's canonical form, so the build shows it as an error pointing at the markdown.</summary>
    public sealed class HelpPageException : Exception
    {
        public HelpPageException(string page, int line, string problem)
            : base($"{page}({line}): error HELP001: {problem}")
        {
            Page = page;
            Line = line;
            Problem = problem;
        }

        public string Page { get; }
        public int Line { get; }
        public string Problem { get; }
    }
}
