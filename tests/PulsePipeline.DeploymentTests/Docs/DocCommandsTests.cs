using PulsePipeline.TestSupport;

namespace PulsePipeline.DeploymentTests.Docs;

/// <summary>
/// Every `pulse` command line the README and the documents show works as written: the command exists, its --help
/// exits 0, and it takes (and its help lists) every option the line uses. The documents are read as they are, so
/// this holds whatever they come to say.
/// </summary>
public sealed class DocCommandsTests
{
    [Fact]
    public void EveryDocumentedPulseCommand_ExistsAndTakesTheOptionsItIsShownWith()
    {
        var commands = Documents().SelectMany(d => DocCommands.Extract(Path.GetRelativePath(RepositoryRoot.Path, d), File.ReadAllText(d))).ToList();

        var problems = commands.GroupBy(c => (c.File, c.Line, c.Text)).SelectMany(g => DocCommandCheck.Problems([.. g])).ToList();

        Assert.True(commands.Count >= 10, $"only {commands.Count} pulse command lines found in the documents: is the extractor broken?");
        Assert.True(problems.Count == 0, $"{problems.Count} documented command line(s) do not work as written:\n" + string.Join('\n', problems));
    }

    [Fact]
    public void PulseVersion_AsDocumentedWithoutInput_Runs()
    {
        using var output = new StringWriter();

        var exit = Cli.PulseCommandLine.Create().Parse(["version"]).Invoke(new System.CommandLine.InvocationConfiguration { Output = output, Error = output });

        Assert.Equal(0, exit);
    }

    /// <summary>The check can fail: a made-up command and a made-up option are reported; spans, blocks and alternatives are read.</summary>
    [Fact]
    public void TheCheck_ReportsAMadeUpCommandAndOption()
    {
        const string Markdown = """
            Run `./pulse demo --exit` or `./pulse frobnicate`, or `pulse detect --history h.csv --out f.csv --colour red`.
            `./pulse poison list\|requeue [--queue Q] [--id ID\|--all]` and `.pulse/` (a folder) and `./pulse publish …`.
            `az deployment group create --name pulse --template-file main.bicep`; `pulse interventions` (registry).
            ```
            PULSE_HTTP_PORT=7072 ./pulse bench workspace --units 100   # a comment --nonsense
            pulse bench wave: 121000 employees in 1500 units
            dotnet run --project tools/PulsePipeline.Cli -- evaluate --large | tee out.txt
            ```
            """;

        var commands = DocCommands.Extract("test.md", Markdown);
        var problems = commands.GroupBy(c => (c.File, c.Line, c.Text)).SelectMany(g => DocCommandCheck.Problems([.. g])).ToList();

        Assert.Equal(
            ["demo --exit", "frobnicate", "detect --history h.csv --out f.csv --colour red", "poison list --queue Q --id ID|--all", "poison requeue --queue Q --id ID|--all", "publish", "interventions", "bench workspace --units 100", "evaluate --large"],
            commands.Select(c => string.Join(' ', c.Words)));
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("`frobnicate` is not a pulse command", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("has no option --colour", StringComparison.Ordinal));
    }

    private static IEnumerable<string> Documents() =>
        Directory.EnumerateFiles(RepositoryRoot.Path, "*.md")
            .Concat(Directory.Exists(RepositoryRoot.File("docs")) ? Directory.EnumerateFiles(RepositoryRoot.File("docs"), "*.md", SearchOption.AllDirectories) : []);
}
