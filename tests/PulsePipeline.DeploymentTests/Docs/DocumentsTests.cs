using PulsePipeline.TestSupport;

namespace PulsePipeline.DeploymentTests.Docs;

/// <summary>
/// The documents stay reference pages a newcomer can read: the README at most 12 KB, a decision record at most 2 KB,
/// every other page at most 20 KB; and every relative link names a file (and heading) of this repository, never one
/// outside it.
/// </summary>
public sealed class DocumentsTests
{
    [Fact]
    public void EveryDocument_StaysWithinItsSize()
    {
        var documents = Documents.All();
        var tooLarge = documents
            .Select(d => (Document: d, Bytes: new FileInfo(RepositoryRoot.File(d.Split('/'))).Length))
            .Where(d => d.Bytes > Documents.MaxBytes(d.Document))
            .Select(d => $"{d.Document}: {d.Bytes:N0} bytes, at most {Documents.MaxBytes(d.Document):N0}")
            .ToList();

        Assert.Contains("README.md", documents);
        Assert.Contains("docs/ARCHITECTURE.md", documents);
        Assert.True(tooLarge.Count == 0, "Documents over their size (split the page, or keep the history in git and a short decision record):\n" + string.Join('\n', tooLarge));
    }

    [Fact]
    public void EveryRelativeLink_NamesAFileAndHeadingOfTheRepository()
    {
        var problems = Documents.All()
            .SelectMany(d => DocLinks.Problems(d, File.ReadAllText(RepositoryRoot.File(d.Split('/'))), ReadRepositoryFile, IsRepositoryFolder))
            .ToList();

        Assert.True(problems.Count == 0, $"{problems.Count} broken link(s):\n" + string.Join('\n', problems));
    }

    /// <summary>The checks can fail: a missing file, a missing heading, a link out of the repository and an oversized page are reported.</summary>
    [Fact]
    public void TheChecks_ReportBrokenLinksAndOversizedPages()
    {
        const string Markdown = """
            # A page
            ## Deploy to Azure
            See [ops](OPERATIONS.md), [gone](GONE.md), [a heading](#deploy-to-azure), [no heading](#nowhere),
            [design](../../shared/DESIGN.md), [web](https://example.org/x), `[code](NOT-A-LINK.md)`, [folder](decisions/).
            """;
        var files = new Dictionary<string, string> { ["docs/PAGE.md"] = Markdown, ["docs/OPERATIONS.md"] = "# Operations" };

        var problems = DocLinks.Problems("docs/PAGE.md", Markdown, p => files.GetValueOrDefault(p), p => p == "docs/decisions");

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("(GONE.md) names no file", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("(#nowhere) names no heading", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("(../../shared/DESIGN.md) points outside", StringComparison.Ordinal));
        Assert.Equal(12_000, Documents.MaxBytes("README.md"));
        Assert.Equal(20_000, Documents.MaxBytes("docs/EFFECTS.md"));
        Assert.Equal(2_000, Documents.MaxBytes("docs/decisions/0001-effects-post-window-8-waves.md"));
    }

    private static string? ReadRepositoryFile(string path)
    {
        var full = RepositoryRoot.File(path.Split('/'));
        return File.Exists(full) ? File.ReadAllText(full) : null;
    }

    private static bool IsRepositoryFolder(string path) => Directory.Exists(RepositoryRoot.File(path.Split('/')));
}
