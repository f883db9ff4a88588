using PulsePipeline.TestSupport;

namespace PulsePipeline.DeploymentTests.Docs;

/// <summary>
/// The README's map says in which file each rule lives; every path it (or any page of docs/) names exists, so the map
/// cannot silently go stale when a file moves.
/// </summary>
public sealed class RepositoryMapTests
{
    [Fact]
    public void EveryPathTheReadmeNames_Exists()
    {
        var paths = RepositoryPaths.Named(RepositoryRoot.ReadAllText("README.md"));

        Assert.True(paths.Count >= 20, $"only {paths.Count} paths found in the README's map: is the extractor broken?");
        var missing = paths.Where(p => !Exists(p)).ToList();
        Assert.True(missing.Count == 0, "The README names paths that do not exist:\n" + string.Join('\n', missing));
    }

    [Fact]
    public void EveryPathTheDocumentsName_Exists()
    {
        var missing = Documents.All()
            .SelectMany(d => RepositoryPaths.Named(File.ReadAllText(RepositoryRoot.File(d.Split('/')))).Select(p => (Document: d, Path: p)))
            .Where(x => !Exists(x.Path))
            .Select(x => $"{x.Document}: `{x.Path}`")
            .ToList();

        Assert.True(missing.Count == 0, "Paths named in the documents that do not exist:\n" + string.Join('\n', missing));
    }

    /// <summary>The extractor reads whole path spans only, so the check can fail on a moved file and ignores prose.</summary>
    [Fact]
    public void TheExtractor_ReadsWholePathSpansOnly()
    {
        var paths = RepositoryPaths.Named("`models/A/Moved.cs`, `functions/B/`, `models/.../C` `tools/x *.cs`, `./pulse demo`, models/D.cs");

        Assert.Equal(["models/A/Moved.cs", "functions/B"], paths);
        Assert.False(Exists("models/A/Moved.cs"));
    }

    private static bool Exists(string path) =>
        File.Exists(RepositoryRoot.File(path.Split('/'))) || Directory.Exists(RepositoryRoot.File(path.Split('/')));
}
