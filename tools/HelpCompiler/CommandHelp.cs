using System.Collections.Generic;

namespace BankcardOcr.HelpCompiler
{
    /// <summary>One cmdlet page of docs/, as read from its PlatyPS 0.14 markdown.</summary>
    public sealed class CommandHelp
    {
        public string Name { get; set; } = "";
        public string ExternalHelpFile { get; set; } = "";
        public string OnlineVersion { get; set; } = "";
        public List<string> Synopsis { get; } = new();
        public List<string> Description { get; } = new();
        public List<ExampleHelp> Examples { get; } = new();
        public List<ParameterHelp> Parameters { get; } = new();
        public List<TypeHelp> Inputs { get; } = new();
        public List<TypeHelp> Outputs { get; } = new();
        public List<string> Notes { get; } = new();
        public List<LinkHelp> Links { get; } = new();

        public string Verb => Name.Substring(0, Name.IndexOf('-'));
        public string Noun => Name.Substring(Name.IndexOf('-') + 1);
    }

    public sealed class ExampleHelp
    {
        public string Title { get; set; } = "";
        public string Code { get; set; } = "";
        public List<string> Remarks { get; } = new();
    }

    public sealed class ParameterHelp
    {
        public string Name { get; set; } = "";
        public List<string> Description { get; } = new();

        /// <summary>One entry per yaml block: PlatyPS writes a second block when a parameter is, say, mandatory
        /// in one set and optional in another.</summary>
        public List<ParameterMetadata> Metadata { get; } = new();
    }

    public sealed class ParameterMetadata
    {
        public string Type { get; set; } = "";

        /// <summary>Empty means (All): the parameter is in every set.</summary>
        public List<string> ParameterSets { get; } = new();
        public string Aliases { get; set; } = "";
        public List<string> AcceptedValues { get; } = new();
        public bool Required { get; set; }

        /// <summary>"named" or a zero-based position, as MAML writes it.</summary>
        public string Position { get; set; } = "named";
        public string DefaultValue { get; set; } = "None";
        public string PipelineInput { get; set; } = "False";
        public bool Globbing { get; set; }

        public bool IsSwitch => Type == "SwitchParameter" || Type == "System.Management.Automation.SwitchParameter";
        public bool AppliesTo(string set) => ParameterSets.Count == 0 || ParameterSets.Contains(set);
    }

    public sealed class TypeHelp
    {
        public string Name { get; set; } = "";
        public List<string> Description { get; } = new();
    }

    public sealed class LinkHelp
    {
        public string Text { get; set; } = "";
        public string Uri { get; set; } = "";
    }
}
