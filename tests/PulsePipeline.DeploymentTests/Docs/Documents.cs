using PulsePipeline.TestSupport;

namespace PulsePipeline.DeploymentTests.Docs;

/// <summary>The repository's Markdown documents, wherever they are (build output, packages and dot-folders aside).</summary>
internal static class Documents
{
    /// <summary>The README stays a front page: what it is, the two commands, the map, links. Limits are in decimal kilobytes, the stricter reading of "12 KB".</summary>
    public const int ReadmeMaxBytes = 12_000;

    /// <summary>Every other document is a reference page of at most this size.</summary>
    public const int PageMaxBytes = 20_000;

    /// <summary>A decision record (docs/decisions/NNNN-title.md): context, decision, consequences, the deciding figure.</summary>
    public const int DecisionMaxBytes = 2_000;

    /// <summary>Folders no document of the repository lives in: build output, packages, local service data.</summary>
    private static readonly string[] Skipped = ["bin", "obj", "node_modules", "TestResults"];

    /// <summary>Every Markdown file of the checkout, as a path from the root with forward slashes.</summary>
    public static IReadOnlyList<string> All() =>
        [.. Walk(RepositoryRoot.Path).Select(path => Path.GetRelativePath(RepositoryRoot.Path, path).Replace('\\', '/')).Order(StringComparer.Ordinal)];

    public static int MaxBytes(string relativePath) => relativePath switch
    {
        "README.md" => ReadmeMaxBytes,
        _ when relativePath.StartsWith("docs/decisions/", StringComparison.Ordinal) => DecisionMaxBytes,
        _ => PageMaxBytes,
    };

    private static IEnumerable<string> Walk(string folder) =>
        Directory.EnumerateFiles(folder, "*.md").Concat(
            Directory.EnumerateDirectories(folder)
                .Where(d => !Path.GetFileName(d).StartsWith('.') && !Skipped.Contains(Path.GetFileName(d)))
                .SelectMany(Walk));
}
