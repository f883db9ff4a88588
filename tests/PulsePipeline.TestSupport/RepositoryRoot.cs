namespace PulsePipeline.TestSupport;

/// <summary>The checkout the tests run from: the nearest ancestor of the test binaries holding PulsePipeline.sln.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Directory = new(Find);

    public static string Path => Directory.Value;

    public static string File(params string[] relativeParts) =>
        System.IO.Path.Combine([Path, .. relativeParts]);

    public static string ReadAllText(params string[] relativeParts) => System.IO.File.ReadAllText(File(relativeParts));

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "PulsePipeline.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No PulsePipeline.sln above {AppContext.BaseDirectory}.");
    }
}
