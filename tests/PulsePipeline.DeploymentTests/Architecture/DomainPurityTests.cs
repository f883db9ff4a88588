using PulsePipeline.TestSupport;

namespace PulsePipeline.DeploymentTests.Architecture;

/// <summary>The domain (models/) is pure: no file, network, process, clock or machine reads; the hosts and the CLI do those and hand the results in.</summary>
public sealed class DomainPurityTests
{
    [Fact]
    public void DomainSources_ReadNoFilesClockOrEnvironment()
    {
        var sources = Directory.EnumerateFiles(RepositoryRoot.File("models"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();

        var violations = sources
            .SelectMany(f => DomainPurity.Violations(File.ReadAllText(f)).Select(v => $"{Path.GetRelativePath(RepositoryRoot.Path, f)}:{v.Line}: {v.What}: {v.Text}"))
            .ToList();

        Assert.True(sources.Count > 100, $"only {sources.Count} sources found under models/");
        Assert.True(violations.Count == 0, "The domain must stay pure (open files in the CLI, take the clock and the time zone from the host):\n" + string.Join('\n', violations));
    }

    /// <summary>The scan can fail: each kind of read it forbids is found, in code but not in a comment or a string.</summary>
    [Theory]
    [InlineData("var text = File.ReadAllText(path);", "file system")]
    [InlineData("using var s = new FileStream(path, FileMode.Open);", "file system")]
    [InlineData("if (Directory.Exists(dir)) { }", "file system")]
    [InlineData("using var r = new StreamReader(path);", "a file by path")]
    [InlineData("var now = DateTimeOffset.UtcNow;", "the clock")]
    [InlineData("var today = DateTime.Today;", "the clock")]
    [InlineData("var user = Environment.UserName;", "the environment")]
    [InlineData("var zone = TimeZoneInfo.FindSystemTimeZoneById(id);", "the machine's time zones")]
    [InlineData("using var http = new HttpClient();", "the network")]
    [InlineData("Console.WriteLine(x);", "a process or the console")]
    public void EachForbiddenRead_IsFound(string line, string what)
    {
        Assert.Contains(DomainPurity.Violations(line), v => v.What == what);
        Assert.Empty(DomainPurity.Violations($"// {line}"));
        Assert.Empty(DomainPurity.Violations($"/// <see cref=\"{line}\"/>"));
        Assert.Empty(DomainPurity.Violations($"var s = \"{line.Replace("\"", "", StringComparison.Ordinal)}\";"));
    }
}
