using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;

namespace BankcardOcr.HelpCompiler
{
    /// <summary>
    /// Writes commands as the MAML PowerShell's help system reads for binary cmdlets (the shape PlatyPS's
    /// New-ExternalHelp writes). Syntax is rebuilt from the parameters, one syntaxItem per parameter set, so
    /// the SYNTAX blocks in the markdown cannot drift from what Get-Help prints.
    /// </summary>
    public static class MamlWriter
    {
        private const string Msh = "http://msh";
        private const string Maml = "http://schemas.microsoft.com/maml/2004/10";
        private const string Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        private const string Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

        public static void Write(string path, IEnumerable<CommandHelp> commands)
        {
            // Newlines are fixed so the file is byte-identical on every OS (deterministic builds).
            var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n", Encoding = new UTF8Encoding(false) };
            using var stream = File.Create(path);
            using var xml = XmlWriter.Create(stream, settings);
            xml.WriteStartDocument();
            xml.WriteStartElement("helpItems", Msh);
            xml.WriteAttributeString("schema", "maml");
            foreach (var command in commands)
            {
                WriteCommand(xml, command);
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        private static void WriteCommand(XmlWriter xml, CommandHelp command)
        {
            xml.WriteStartElement("command", "command", Command);
            xml.WriteAttributeString("xmlns", "maml", null, Maml);
            xml.WriteAttributeString("xmlns", "command", null, Command);
            xml.WriteAttributeString("xmlns", "dev", null, Dev);
            xml.WriteStartElement("command", "details", Command);
            xml.WriteElementString("command", "name", Command, command.Name);
            xml.WriteElementString("command", "verb", Command, command.Verb);
            xml.WriteElementString("command", "noun", Command, command.Noun);
            Paragraphs(xml, "description", command.Synopsis);
            xml.WriteEndElement();
            Paragraphs(xml, "description", command.Description);
            WriteSyntax(xml, command);

            xml.WriteStartElement("command", "parameters", Command);
            foreach (var parameter in command.Parameters)
            {
                WriteParameter(xml, parameter, parameter.Metadata[0], inSyntax: false);
            }

            xml.WriteEndElement();
            WriteTypes(xml, "inputTypes", "inputType", command.Inputs);
            WriteTypes(xml, "returnValues", "returnValue", command.Outputs);
            xml.WriteStartElement("maml", "alertSet", Maml);
            Paragraphs(xml, "alert", command.Notes);
            xml.WriteEndElement();
            WriteExamples(xml, command.Examples);
            WriteLinks(xml, command);
            xml.WriteEndElement();
        }

        private static void WriteSyntax(XmlWriter xml, CommandHelp command)
        {
            // Sets in the order parameters first name them; (All) parameters join every set. A command whose
            // parameters are all (All) has a single, unnamed set.
            var sets = command.Parameters.SelectMany(p => p.Metadata).SelectMany(m => m.ParameterSets).Distinct().ToList();
            if (sets.Count == 0)
            {
                sets.Add("");
            }

            xml.WriteStartElement("command", "syntax", Command);
            foreach (var set in sets)
            {
                xml.WriteStartElement("command", "syntaxItem", Command);
                xml.WriteElementString("maml", "name", Maml, command.Name);
                var members = command.Parameters
                    .Select(p => (Parameter: p, Metadata: p.Metadata.FirstOrDefault(m => m.AppliesTo(set))))
                    .Where(x => x.Metadata != null)
                    .Select((x, order) => (x.Parameter, Metadata: x.Metadata!, order))
                    // PowerShell lists positional parameters first, by position, then the rest as declared.
                    .OrderBy(x => x.Metadata.Position == "named" ? int.MaxValue : int.Parse(x.Metadata.Position, System.Globalization.CultureInfo.InvariantCulture))
                    .ThenBy(x => x.order);
                foreach (var (parameter, metadata, _) in members)
                {
                    WriteParameter(xml, parameter, metadata, inSyntax: true);
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        private static void WriteParameter(XmlWriter xml, ParameterHelp parameter, ParameterMetadata metadata, bool inSyntax)
        {
            xml.WriteStartElement("command", "parameter", Command);
            xml.WriteAttributeString("required", Bool(metadata.Required));
            xml.WriteAttributeString("variableLength", Bool(metadata.Type.EndsWith("[]", System.StringComparison.Ordinal)));
            xml.WriteAttributeString("globbing", Bool(metadata.Globbing));
            xml.WriteAttributeString("pipelineInput", metadata.PipelineInput);
            xml.WriteAttributeString("position", metadata.Position);
            xml.WriteAttributeString("aliases", metadata.Aliases.Length == 0 ? "none" : metadata.Aliases);
            xml.WriteElementString("maml", "name", Maml, parameter.Name);
            Paragraphs(xml, "description", parameter.Description);
            if (inSyntax && metadata.AcceptedValues.Count > 0)
            {
                // Get-Help prints these as {POST | GET} in the syntax line.
                xml.WriteStartElement("command", "parameterValueGroup", Command);
                foreach (var value in metadata.AcceptedValues)
                {
                    ParameterValue(xml, value, required: false);
                }

                xml.WriteEndElement();
            }
            else if (!(inSyntax && metadata.IsSwitch))
            {
                // A switch takes no value, so its syntax entry has none and prints as [-Name].
                ParameterValue(xml, metadata.Type, required: !metadata.IsSwitch);
            }

            xml.WriteStartElement("dev", "type", Dev);
            xml.WriteElementString("maml", "name", Maml, metadata.Type);
            xml.WriteElementString("maml", "uri", Maml, "");
            xml.WriteEndElement();
            xml.WriteElementString("dev", "defaultValue", Dev, metadata.DefaultValue);
            xml.WriteEndElement();
        }

        private static void ParameterValue(XmlWriter xml, string value, bool required)
        {
            xml.WriteStartElement("command", "parameterValue", Command);
            xml.WriteAttributeString("required", Bool(required));
            xml.WriteAttributeString("variableLength", "false");
            xml.WriteString(value);
            xml.WriteEndElement();
        }

        private static void WriteTypes(XmlWriter xml, string listName, string itemName, List<TypeHelp> types)
        {
            xml.WriteStartElement("command", listName, Command);
            foreach (var type in types)
            {
                xml.WriteStartElement("command", itemName, Command);
                xml.WriteStartElement("dev", "type", Dev);
                xml.WriteElementString("maml", "name", Maml, type.Name);
                xml.WriteEndElement();
                Paragraphs(xml, "description", type.Description);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        private static void WriteExamples(XmlWriter xml, List<ExampleHelp> examples)
        {
            xml.WriteStartElement("command", "examples", Command);
            foreach (var example in examples)
            {
                xml.WriteStartElement("command", "example", Command);
                // Get-Help prints the title as is; the dashes are how every in-box example is set off.
                xml.WriteElementString("maml", "title", Maml, $"---------- {example.Title} ----------");
                xml.WriteElementString("dev", "code", Dev, example.Code);
                xml.WriteStartElement("dev", "remarks", Dev);
                foreach (var remark in example.Remarks)
                {
                    xml.WriteElementString("maml", "para", Maml, remark);
                }

                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        private static void WriteLinks(XmlWriter xml, CommandHelp command)
        {
            xml.WriteStartElement("command", "relatedLinks", Command);
            // Get-Help -Online opens the first absolute address, so the page's online version goes first.
            if (InlineText.IsAbsolute(command.OnlineVersion))
            {
                Link(xml, "Online Version:", command.OnlineVersion);
            }

            foreach (var link in command.Links)
            {
                // A relative link (Test-BankcardNumber.md) only means something on GitHub; in help the text,
                // a command or about topic name, is what the reader passes to Get-Help.
                Link(xml, link.Text, InlineText.IsAbsolute(link.Uri) ? link.Uri : "");
            }

            xml.WriteEndElement();
        }

        private static void Link(XmlWriter xml, string text, string uri)
        {
            xml.WriteStartElement("maml", "navigationLink", Maml);
            xml.WriteElementString("maml", "linkText", Maml, text);
            xml.WriteElementString("maml", "uri", Maml, uri);
            xml.WriteEndElement();
        }

        private static void Paragraphs(XmlWriter xml, string element, IEnumerable<string> paragraphs)
        {
            xml.WriteStartElement("maml", element, Maml);
            foreach (var paragraph in paragraphs)
            {
                xml.WriteElementString("maml", "para", Maml, paragraph);
            }

            xml.WriteEndElement();
        }

        private static string Bool(bool value) => value ? "true" : "false";
    }
}
