using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace BankcardOcr.HelpCompiler
{
    /// <summary>
    /// Reads one PlatyPS 0.14 cmdlet page. Anything the schema does not allow is an error naming the page and
    /// line, so a typo in a heading fails the build instead of silently dropping help.
    /// </summary>
    public static class CommandPageParser
    {
        private static readonly string[] KnownSections =
            { "SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS" };

        private static readonly Regex LinkLine = new(@"^\[([^\]]+)\]\(([^)]*)\)$", RegexOptions.CultureInvariant);

        public static CommandHelp Parse(string pageName, string markdown)
        {
            var page = MarkdownPage.Parse(pageName, markdown);
            var expectedName = System.IO.Path.GetFileNameWithoutExtension(pageName);
            if (page.Sections.Count == 0 || page.Sections[0].Level != 1)
            {
                throw new HelpPageException(pageName, 1, $"the page must start with '# {expectedName}'.");
            }

            var command = new CommandHelp
            {
                Name = page.Sections[0].Title,
                ExternalHelpFile = page.FrontMatter.TryGetValue("external help file", out var file) ? file : "",
                OnlineVersion = page.FrontMatter.TryGetValue("online version", out var online) ? online : "",
            };
            if (!string.Equals(command.Name, expectedName, StringComparison.Ordinal))
            {
                throw new HelpPageException(pageName, page.Sections[0].Line, $"the title '# {command.Name}' does not match the file name {expectedName}.");
            }

            var seen = new HashSet<string>();
            foreach (var (section, children) in Group(page))
            {
                if (!seen.Add(section.Title))
                {
                    throw new HelpPageException(pageName, section.Line, $"'## {section.Title}' appears twice.");
                }

                Read(command, pageName, section, children);
            }

            foreach (var required in new[] { "SYNOPSIS", "DESCRIPTION" })
            {
                if (!seen.Contains(required))
                {
                    throw new HelpPageException(pageName, 1, $"the page has no '## {required}' section.");
                }
            }

            if (command.Synopsis.Count == 0)
            {
                throw new HelpPageException(pageName, page.Sections.First(s => s.Title == "SYNOPSIS").Line, "'## SYNOPSIS' is empty.");
            }

            return command;
        }

        private static IEnumerable<(MarkdownSection Section, List<MarkdownSection> Children)> Group(MarkdownPage page)
        {
            (MarkdownSection Section, List<MarkdownSection> Children)? current = null;
            foreach (var section in page.Sections.Skip(1))
            {
                if (section.Level == 2)
                {
                    if (!KnownSections.Contains(section.Title))
                    {
                        throw new HelpPageException(page.Name, section.Line, $"unknown section '## {section.Title}'; PlatyPS 0.14 pages have {string.Join(", ", KnownSections)}.");
                    }

                    if (current != null)
                    {
                        yield return current.Value;
                    }

                    current = (section, new List<MarkdownSection>());
                }
                else if (section.Level == 3 && current != null)
                {
                    current.Value.Children.Add(section);
                }
                else
                {
                    throw new HelpPageException(page.Name, section.Line, $"unexpected heading '{new string('#', section.Level)} {section.Title}'.");
                }
            }

            if (current != null)
            {
                yield return current.Value;
            }
        }

        private static void Read(CommandHelp command, string pageName, MarkdownSection section, List<MarkdownSection> children)
        {
            switch (section.Title)
            {
                case "SYNOPSIS":
                    command.Synopsis.AddRange(Paragraphs(section));
                    break;
                case "DESCRIPTION":
                    command.Description.AddRange(Paragraphs(section));
                    break;
                case "NOTES":
                    command.Notes.AddRange(Paragraphs(section));
                    break;
                case "EXAMPLES":
                    command.Examples.AddRange(children.Select(c => ReadExample(pageName, c)));
                    break;
                case "PARAMETERS":
                    foreach (var child in children.Where(c => c.Title != "CommonParameters" && c.Title != "WorkflowCommonParameters"))
                    {
                        var parameter = ReadParameter(pageName, child);
                        if (command.Parameters.Any(p => string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase)))
                        {
                            throw new HelpPageException(pageName, child.Line, $"-{parameter.Name} is documented twice.");
                        }

                        command.Parameters.Add(parameter);
                    }

                    break;
                case "INPUTS":
                    command.Inputs.AddRange(children.Select(ReadType));
                    break;
                case "OUTPUTS":
                    command.Outputs.AddRange(children.Select(ReadType));
                    break;
                case "RELATED LINKS":
                    command.Links.AddRange(ReadLinks(pageName, section));
                    break;
            }
        }

        private static IEnumerable<string> Paragraphs(MarkdownSection section) =>
            MarkdownBlocks.Split(section.Body).Select(b => b.ToPlainText());

        private static ExampleHelp ReadExample(string pageName, MarkdownSection section)
        {
            var blocks = MarkdownBlocks.Split(section.Body);
            var code = blocks.TakeWhile(b => b.Kind == BlockKind.Code).ToList();
            if (code.Count == 0)
            {
                throw new HelpPageException(pageName, section.Line, $"'### {section.Title}' must start with a fenced code block.");
            }

            var example = new ExampleHelp { Title = section.Title, Code = string.Join("\n\n", code.Select(b => b.ToPlainText())) };
            example.Remarks.AddRange(blocks.Skip(code.Count).Select(b => b.ToPlainText()));
            return example;
        }

        private static ParameterHelp ReadParameter(string pageName, MarkdownSection section)
        {
            if (!section.Title.StartsWith("-", StringComparison.Ordinal) || section.Title.Length < 2 || section.Title.Contains(' '))
            {
                throw new HelpPageException(pageName, section.Line, $"'### {section.Title}' is not a parameter heading ('### -Name' or '### CommonParameters').");
            }

            var parameter = new ParameterHelp { Name = section.Title.Substring(1) };
            foreach (var block in MarkdownBlocks.Split(section.Body))
            {
                if (block.Kind == BlockKind.Code && block.Language == "yaml")
                {
                    parameter.Metadata.Add(ParameterYaml.Parse(pageName, parameter.Name, block));
                }
                else if (block.Kind == BlockKind.Code)
                {
                    throw new HelpPageException(pageName, block.Line, $"-{parameter.Name}: only a ```yaml block is allowed here.");
                }
                else
                {
                    parameter.Description.Add(block.ToPlainText());
                }
            }

            if (parameter.Metadata.Count == 0)
            {
                throw new HelpPageException(pageName, section.Line, $"-{parameter.Name} has no ```yaml block (Type, Parameter Sets, Required, Position, ...).");
            }

            if (parameter.Description.Count == 0)
            {
                throw new HelpPageException(pageName, section.Line, $"-{parameter.Name} has no description.");
            }

            return parameter;
        }

        private static TypeHelp ReadType(MarkdownSection section)
        {
            var type = new TypeHelp { Name = InlineText.ToPlain(section.Title) };
            type.Description.AddRange(Paragraphs(section));
            return type;
        }

        private static IEnumerable<LinkHelp> ReadLinks(string pageName, MarkdownSection section)
        {
            foreach (var (number, text) in section.Body.Where(l => l.Text.Trim().Length > 0))
            {
                var match = LinkLine.Match(text.Trim());
                if (!match.Success)
                {
                    throw new HelpPageException(pageName, number, $"'## RELATED LINKS' holds only [text](address) lines, not '{text.Trim()}'.");
                }

                yield return new LinkHelp { Text = InlineText.ToPlain(match.Groups[1].Value), Uri = match.Groups[2].Value };
            }
        }
    }
}
