using System.Xml.Linq;
using BankcardOcr.HelpCompiler;

namespace BankcardOcr.Module.Tests;

/// <summary>The docs compiler on its own: what it rejects, and how markdown turns into MAML and about text.</summary>
public sealed class HelpCompilerTests : IDisposable
{
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    private readonly string _folder = Directory.CreateTempSubdirectory("helpcompiler-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Page(string synopsis = "## SYNOPSIS\nDoes a thing.\n", string parameters = DefaultParameters) => $$"""
        ---
        external help file: Sample.dll-Help.xml
        Module Name: Sample
        online version: https://example.com/Get-Thing
        schema: 2.0.0
        ---

        # Get-Thing

        {{synopsis}}
        ## SYNTAX

        ### A
        ```
        Get-Thing -Path <String> [<CommonParameters>]
        ```

        ## DESCRIPTION
        Reads `things` **fast** from [the store](https://example.com/store) & returns <Thing> 对象.

        - first item
          continued
        - second item

        ## EXAMPLES

        ### Example 1: Get a thing
        ```powershell
        PS> Get-Thing -Path a # not a heading
        ```
        It returns one thing.

        ## PARAMETERS

        {{parameters}}
        ### CommonParameters
        This cmdlet supports the common parameters.

        ## INPUTS

        ### System.String
        A path.

        ## OUTPUTS

        ### Sample.Thing
        The thing.

        ## NOTES
        Keep it safe.

        ## RELATED LINKS

        [about_Sample](about_Sample.md)
        """;

    private const string DefaultParameters = """
        ### -Path
        Where the thing is.

        ```yaml
        Type: String
        Parameter Sets: A
        Aliases: P

        Required: True
        Position: 0
        Default value: None
        Accept pipeline input: True (ByValue)
        Accept wildcard characters: True
        ```

        ### -Id
        Which thing.

        ```yaml
        Type: Int32
        Parameter Sets: B
        Aliases:
        Accepted values: 1, 2

        Required: True
        Position: Named
        Default value: None
        Accept pipeline input: False
        Accept wildcard characters: False
        ```

        ### -Force
        Everywhere.

        ```yaml
        Type: SwitchParameter
        Parameter Sets: (All)
        Aliases:

        Required: False
        Position: Named
        Default value: False
        Accept pipeline input: False
        Accept wildcard characters: False
        ```

        """;

    [Fact]
    public void AWellFormedPageParses()
    {
        var help = CommandPageParser.Parse("Get-Thing.md", Page());
        Assert.Equal(("Get", "Thing"), (help.Verb, help.Noun));
        Assert.Equal(new[] { "Does a thing." }, help.Synopsis);
        Assert.Equal("Reads things fast from the store (https://example.com/store) & returns <Thing> 对象.", help.Description[0]);
        Assert.Equal("- first item continued\n- second item", help.Description[1]);
        Assert.Equal("PS> Get-Thing -Path a # not a heading", help.Examples.Single().Code);
        Assert.Equal(new[] { "It returns one thing." }, help.Examples.Single().Remarks);
        Assert.Equal(new[] { "Path", "Id", "Force" }, help.Parameters.Select(p => p.Name));
        var path = help.Parameters[0].Metadata.Single();
        Assert.True(path.Required && path.Globbing);
        Assert.Equal(("0", "P", "True (ByValue)"), (path.Position, path.Aliases, path.PipelineInput));
        Assert.Equal(new[] { "1", "2" }, help.Parameters[1].Metadata.Single().AcceptedValues);
        Assert.Empty(help.Parameters[2].Metadata.Single().ParameterSets);
        Assert.Equal("System.String", help.Inputs.Single().Name);
        Assert.Equal("about_Sample", help.Links.Single().Text);
    }

    [Theory]
    [InlineData("", "no '## SYNOPSIS' section")]
    [InlineData("## SYNOPSIS\n\n", "'## SYNOPSIS' is empty")]
    [InlineData("## SYNOPSYS\nTypo.\n", "unknown section '## SYNOPSYS'")]
    public void AMalformedSynopsisFailsNamingThePage(string synopsis, string problem)
    {
        var error = Assert.Throws<HelpPageException>(() => CommandPageParser.Parse("Get-Thing.md", Page(synopsis: synopsis)));
        Assert.StartsWith("Get-Thing.md(", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("### -Path\nWhere.\n", "-Path has no ```yaml block")]
    [InlineData("### -Path\n\n```yaml\nType: String\nParameter Sets: (All)\nRequired: True\nPosition: 0\n```\n", "-Path has no description")]
    [InlineData("### -Path\nWhere.\n\n```yaml\nType: String\nParameter Sets: (All)\nRequired: Yes\nPosition: 0\n```\n", "Required is 'Yes'")]
    [InlineData("### -Path\nWhere.\n\n```yaml\nType: String\nParameter Sets: (All)\nRequired: True\n```\n", "no 'Position:'")]
    [InlineData("### -Path\nWhere.\n\n```yaml\nType: String\nParameter Set: (All)\nRequired: True\nPosition: 0\n```\n", "unknown yaml line 'Parameter Set: (All)'")]
    [InlineData("### Path\nWhere.\n", "not a parameter heading")]
    [InlineData("### -Path\nWhere.\n\n```yaml\nType: String\n", "never closed")]
    public void AMalformedParameterFailsNamingThePageAndLine(string parameters, string problem)
    {
        var error = Assert.Throws<HelpPageException>(() => CommandPageParser.Parse("Get-Thing.md", Page(parameters: parameters)));
        Assert.Equal("Get-Thing.md", error.Page);
        Assert.True(error.Line > 10, error.Message);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnExampleWithoutCodeAndATitleThatIsNotTheFileNameFail()
    {
        var noCode = Page().Replace("```powershell\nPS> Get-Thing -Path a # not a heading\n```\n", "", StringComparison.Ordinal);
        Assert.Contains("must start with a fenced code block", Assert.Throws<HelpPageException>(() => CommandPageParser.Parse("Get-Thing.md", noCode)).Message, StringComparison.Ordinal);
        Assert.Contains("does not match the file name Get-Other", Assert.Throws<HelpPageException>(() => CommandPageParser.Parse("Get-Other.md", Page())).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CompileReportsEveryBadPageWithItsPathAndWritesNothing()
    {
        var docs = Directory.CreateDirectory(Path.Combine(_folder, "docs")).FullName;
        File.WriteAllText(Path.Combine(docs, "Get-Thing.md"), Page(synopsis: ""));
        File.WriteAllText(Path.Combine(docs, "Set-Thing.md"), Page().Replace("# Get-Thing", "# Set-Thing", StringComparison.Ordinal).Replace("Where the thing is.\n", "", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(docs, "design.md"), "Not help; ignored.");
        var output = Path.Combine(_folder, "out");

        var error = Assert.Throws<HelpCompilationException>(() => BankcardOcr.HelpCompiler.Program.Compile(docs, output));
        Assert.Equal(2, error.Errors.Count);
        Assert.Contains(Path.Combine(docs, "Get-Thing.md") + "(1): error HELP001: the page has no '## SYNOPSIS' section.", error.Errors);
        Assert.Contains(error.Errors, e => e.StartsWith(Path.Combine(docs, "Set-Thing.md") + "(", StringComparison.Ordinal) && e.Contains("-Path has no description", StringComparison.Ordinal));
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void CompileWritesEscapedMamlWithOneSyntaxItemPerSetAndTheAboutTopic()
    {
        var docs = Directory.CreateDirectory(Path.Combine(_folder, "docs")).FullName;
        File.WriteAllText(Path.Combine(docs, "Get-Thing.md"), Page());
        File.WriteAllText(Path.Combine(docs, "about_Sample.md"), "# about_Sample\n\n## SHORT DESCRIPTION\nUse `Get-Thing` **now**.\n\n### Details here\nRun it:\n\n    Get-Thing -Path a\n");
        var output = Directory.CreateDirectory(Path.Combine(_folder, "out")).FullName;
        File.WriteAllText(Path.Combine(output, "about_Deleted.help.txt"), "a page removed from docs/");

        var written = BankcardOcr.HelpCompiler.Program.Compile(docs, output);

        Assert.False(File.Exists(Path.Combine(output, "about_Deleted.help.txt")));

        Assert.Equal(new[] { "Sample.dll-Help.xml", "about_Sample.help.txt" }, written.Select(Path.GetFileName));
        var maml = XDocument.Load(written[0]);
        var command = maml.Root!.Element(Command + "command")!;
        Assert.Equal("Does a thing.", command.Element(Command + "details")!.Element(Maml + "description")!.Value);
        Assert.Contains("& returns <Thing> 对象.", command.Element(Maml + "description")!.Value, StringComparison.Ordinal);
        var items = command.Element(Command + "syntax")!.Elements(Command + "syntaxItem").Select(i => i.Elements(Command + "parameter").Select(p => p.Element(Maml + "name")!.Value)).ToList();
        Assert.Equal(new[] { new[] { "Path", "Force" }, new[] { "Id", "Force" } }, items.Select(i => i.ToArray()));
        var id = command.Element(Command + "syntax")!.Descendants(Command + "parameter").Single(p => p.Element(Maml + "name")!.Value == "Id");
        Assert.Equal(new[] { "1", "2" }, id.Element(Command + "parameterValueGroup")!.Elements().Select(e => e.Value));
        Assert.Equal("PS> Get-Thing -Path a # not a heading", command.Descendants(Dev + "code").Single().Value);
        Assert.Equal("Keep it safe.", command.Element(Maml + "alertSet")!.Value);
        Assert.Equal(new[] { "https://example.com/Get-Thing", "" }, command.Descendants(Maml + "uri").Where(u => u.Parent!.Name == Maml + "navigationLink").Select(u => u.Value));

        var about = File.ReadAllText(written[1]);
        Assert.Equal("TOPIC\n    about_Sample\n\nSHORT DESCRIPTION\n    Use Get-Thing now.\n\n  DETAILS HERE\n    Run it:\n\n        Get-Thing -Path a\n", about);
    }

    [Fact]
    public void BlocksFollowMarkdown()
    {
        var lines = "Intro\n\n    code line\n    more\nafter code\n\n| 1 | `2` |\n|---|---|\n| 3 | 4 |\n\n- item\n\n1. one\n   wrapped"
            .Split('\n').Select((t, i) => new SourceLine(i + 1, t)).ToList();
        var blocks = MarkdownBlocks.Split(lines);
        Assert.Equal(
            new[] { "Paragraph:Intro", "Code:code line\nmore", "Paragraph:after code", "Table:1 | 2\n3 | 4", "List:- item", "List:1. one wrapped" },
            blocks.Select(b => $"{b.Kind}:{b.ToPlainText()}"));
    }

    [Theory]
    [InlineData("`a*b*c` and *em* and **strong** and __strong__", "a*b*c and em and strong and strong")]
    [InlineData("about_BankcardOcr and TENCENTCLOUD_SECRET_ID", "about_BankcardOcr and TENCENTCLOUD_SECRET_ID")]
    [InlineData("[Test-BankcardNumber](Test-BankcardNumber.md) or [site](https://x.test/)", "Test-BankcardNumber or site (https://x.test/)")]
    [InlineData("a \\* b and 1\\. and `` `tick` ``", "a * b and 1. and `tick`")]
    public void InlineFormattingBecomesPlainText(string markdown, string plain) => Assert.Equal(plain, InlineText.ToPlain(markdown));
}
