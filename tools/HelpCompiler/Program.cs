using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace BankcardOcr.HelpCompiler
{
    /// <summary>
    /// <c>HelpCompiler &lt;docsFolder&gt; &lt;outputFolder&gt;</c>: compiles every Verb-Noun.md cmdlet page to one
    /// MAML file named by the pages' "external help file" (BankcardOcr.dll-Help.xml) and every about_*.md to
    /// about_*.help.txt. Every bad page is reported, then the exit code is 1, so CI fails on any of them.
    /// </summary>
    public static class Program
    {
        private static readonly Regex CmdletPage = new(@"^[A-Z][A-Za-z]*-[A-Za-z0-9]+\.md$", RegexOptions.CultureInvariant);
        private static readonly Regex AboutPage = new(@"^about_[A-Za-z0-9_]+\.md$", RegexOptions.CultureInvariant);

        public static int Main(string[] args)
        {
            if (args.Length != 2)
            {
                Console.Error.WriteLine("usage: HelpCompiler <docsFolder> <outputFolder>");
                return 2;
            }

            try
            {
                var written = Compile(args[0], args[1]);
                Console.WriteLine($"HelpCompiler: {string.Join(", ", written.Select(Path.GetFileName))} -> {Path.GetFullPath(args[1])}");
                return 0;
            }
            catch (HelpCompilationException e)
            {
                foreach (var error in e.Errors)
                {
                    Console.Error.WriteLine(error);
                }

                return 1;
            }
        }

        /// <summary>Compiles the folder and returns the files written; throws with every error found.</summary>
        public static IReadOnlyList<string> Compile(string docsFolder, string outputFolder)
        {
            if (!Directory.Exists(docsFolder))
            {
                throw new HelpCompilationException($"{docsFolder}: error HELP002: the docs folder does not exist.");
            }

            var errors = new List<string>();
            var commands = new List<CommandHelp>();
            var abouts = new List<(string Name, string Text)>();
            foreach (var file in Directory.GetFiles(docsFolder, "*.md").OrderBy(f => f, StringComparer.Ordinal))
            {
                var name = Path.GetFileName(file);
                try
                {
                    if (CmdletPage.IsMatch(name))
                    {
                        commands.Add(CommandPageParser.Parse(name, File.ReadAllText(file)));
                    }
                    else if (AboutPage.IsMatch(name))
                    {
                        abouts.Add((Path.GetFileNameWithoutExtension(name), AboutTopicWriter.Convert(name, File.ReadAllText(file))));
                    }
                }
                catch (HelpPageException e)
                {
                    // The full path lets the IDE and the MSBuild log jump to the page.
                    errors.Add(Path.Combine(Path.GetFullPath(docsFolder), e.Message));
                }
            }

            var helpFiles = commands.Select(c => c.ExternalHelpFile).Distinct().ToList();
            if (errors.Count == 0 && commands.Count == 0)
            {
                errors.Add($"{docsFolder}: error HELP002: no Verb-Noun.md cmdlet pages were found.");
            }
            else if (errors.Count == 0 && (helpFiles.Count != 1 || !helpFiles[0].EndsWith(".dll-Help.xml", StringComparison.Ordinal)))
            {
                errors.Add($"{docsFolder}: error HELP002: every cmdlet page needs the same 'external help file: <Assembly>.dll-Help.xml' front matter; found '{string.Join("', '", helpFiles)}'.");
            }

            if (errors.Count > 0)
            {
                throw new HelpCompilationException(errors.ToArray());
            }

            Directory.CreateDirectory(outputFolder);
            var written = new List<string> { Path.Combine(outputFolder, helpFiles[0]) };
            MamlWriter.Write(written[0], commands);
            foreach (var (name, text) in abouts)
            {
                var path = Path.Combine(outputFolder, name + ".help.txt");
                // With a BOM, Windows PowerShell 5.1 reads the file as UTF-8 rather than the ANSI code page.
                File.WriteAllText(path, text, new UTF8Encoding(true));
                written.Add(path);
            }

            // A page deleted from docs/ must not leave its topic behind: the build ships this folder as is.
            foreach (var stale in Directory.GetFiles(outputFolder, "about_*.help.txt").Concat(Directory.GetFiles(outputFolder, "*.dll-Help.xml")))
            {
                if (!written.Any(w => string.Equals(Path.GetFullPath(w), Path.GetFullPath(stale), StringComparison.Ordinal)))
                {
                    File.Delete(stale);
                }
            }

            return written;
        }
    }

    /// <summary>Every problem found in the docs folder, each a canonical MSBuild error line.</summary>
    public sealed class HelpCompilationException : Exception
    {
        public HelpCompilationException(params string[] errors)
            : base(string.Join(Environment.NewLine, errors)) => Errors = errors;

        public IReadOnlyList<string> Errors { get; }
    }
}
