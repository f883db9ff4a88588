using PulsePipeline.TestSupport;

namespace PulsePipeline.DeploymentTests.Docs;

/// <summary>The repository's Markdown documents: the root's and everything under docs/, as paths from the root.</summary>
internal static class Documents
{
    /// <summary>The README stays a front page: what it is, the two commands, the map, links.</summary>
    public const int ReadmeMaxBytes = 12 * 1024;

    /// <summary>Every other document is a reference page of at most this size.</summary>
    public const int PageMaxBytes = 20 * 1024;

    public static IReadOnlyList<string> All() =>
    [
        .. Directory.EnumerateFiles(RepositoryRoot.Path, "*.md")
            .Concat(Directory.Exists(RepositoryRoot.File("docs")) ? Directory.EnumerateFiles(RepositoryRoot.File("docs"), "*.md", SearchOption.AllDirectories) : [])
            .Select(path => Path.GetRelativePath(RepositoryRoot.Path, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal),
    ];

    public static int MaxBytes(string relativePath) => relativePath == "README.md" ? ReadmeMaxBytes : PageMaxBytes;
}
