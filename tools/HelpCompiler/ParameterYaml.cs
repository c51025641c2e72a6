using System;
using System.Collections.Generic;
using System.Linq;

namespace BankcardOcr.HelpCompiler
{
    /// <summary>The yaml block under a parameter. Its keys are a fixed list, so an unknown key is a typo.</summary>
    public static class ParameterYaml
    {
        private static readonly string[] RequiredKeys = { "Type", "Parameter Sets", "Required", "Position" };

        private static readonly HashSet<string> KnownKeys = new(StringComparer.Ordinal)
        {
            "Type", "Parameter Sets", "Aliases", "Accepted values", "Required", "Position", "Default value",
            "Accept pipeline input", "Accept wildcard characters", "Applicable",
        };

        public static ParameterMetadata Parse(string pageName, string parameter, MarkdownBlock block)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < block.Lines.Count; i++)
            {
                var line = block.Lines[i];
                var lineNumber = block.Line + 1 + i;
                if (line.Trim().Length == 0)
                {
                    continue;
                }

                var colon = line.IndexOf(':');
                var key = colon > 0 ? line.Substring(0, colon).Trim() : "";
                if (!KnownKeys.Contains(key))
                {
                    throw new HelpPageException(pageName, lineNumber, $"-{parameter}: unknown yaml line '{line.Trim()}'.");
                }

                values[key] = line.Substring(colon + 1).Trim();
            }

            foreach (var key in RequiredKeys.Where(k => !values.ContainsKey(k) || values[k].Length == 0))
            {
                throw new HelpPageException(pageName, block.Line, $"-{parameter}: the yaml block has no '{key}:'.");
            }

            var metadata = new ParameterMetadata
            {
                Type = values["Type"],
                Aliases = Get(values, "Aliases", ""),
                Required = Bool(pageName, parameter, block, values, "Required"),
                DefaultValue = Get(values, "Default value", "None"),
                PipelineInput = Get(values, "Accept pipeline input", "False"),
                Globbing = values.ContainsKey("Accept wildcard characters") && Bool(pageName, parameter, block, values, "Accept wildcard characters"),
            };
            if (values["Parameter Sets"] != "(All)")
            {
                metadata.ParameterSets.AddRange(List(values["Parameter Sets"]));
            }

            metadata.AcceptedValues.AddRange(List(Get(values, "Accepted values", "")));
            var position = values["Position"];
            if (string.Equals(position, "Named", StringComparison.OrdinalIgnoreCase))
            {
                metadata.Position = "named";
            }
            else if (int.TryParse(position, out var index) && index >= 0)
            {
                metadata.Position = index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                throw new HelpPageException(pageName, block.Line, $"-{parameter}: Position is '{position}', not Named or a number.");
            }

            return metadata;
        }

        private static string Get(Dictionary<string, string> values, string key, string fallback) =>
            values.TryGetValue(key, out var value) && value.Length > 0 ? value : fallback;

        private static IEnumerable<string> List(string value) =>
            value.Split(',').Select(v => v.Trim()).Where(v => v.Length > 0);

        private static bool Bool(string pageName, string parameter, MarkdownBlock block, Dictionary<string, string> values, string key) =>
            values[key].ToLowerInvariant() switch
            {
                "true" => true,
                "false" => false,
                _ => throw new HelpPageException(pageName, block.Line, $"-{parameter}: {key} is '{values[key]}', not True or False."),
            };
    }
}
