using PulsePipeline.LocalHost;

namespace PulsePipeline.DeploymentTests.Architecture;

/// <summary>
/// The product (both hosts, and the domain, steps and pages they run) references neither the laboratory nor test
/// support, directly or through each other, in the built assemblies.
/// </summary>
public sealed class ProductReferencesTests
{
    /// <summary>Assemblies no product assembly may reach: the laboratory, test support, the CLI.</summary>
    public static readonly string[] OutsideTheProduct = ["PulsePipeline.Lab", "PulsePipeline.TestSupport", "pulse"];

    public static TheoryData<string> Products => ["PulsePipeline.Functions", "PulsePipeline.LocalHost", "PulsePipeline.Models", "PulsePipeline.Pipeline", "PulsePipeline.Workspace"];

    [Theory]
    [MemberData(nameof(Products))]
    public void ProductAssembly_ReachesNeitherTheLabNorTestSupport(string product)
    {
        var (path, directory) = Locate(product);

        var closure = AssemblyFile.OwnClosure(path, directory);

        Assert.Empty(closure.Intersect(OutsideTheProduct));
        if (product != "PulsePipeline.Models")
        {
            Assert.Contains("PulsePipeline.Models", closure); // the walk does follow references
        }
    }

    /// <summary>The check can fail: the CLI does reach the laboratory, and the laboratory test support.</summary>
    [Fact]
    public void TheCli_ReachesTheLab_SoTheWalkWouldSeeIt()
    {
        var (path, directory) = Locate("pulse");

        var closure = AssemblyFile.OwnClosure(path, directory);

        Assert.Contains("PulsePipeline.Lab", closure);
        Assert.Contains("PulsePipeline.TestSupport", closure);
        Assert.Contains("PulsePipeline.LocalHost", closure);
    }

    /// <summary>The Functions app from its own build output; the rest from beside these tests, which reference them.</summary>
    private static (string Path, string Directory) Locate(string assembly)
    {
        var directory = assembly == "PulsePipeline.Functions" ? FunctionsApp.OutputDirectory : AppContext.BaseDirectory;
        var path = Path.Combine(directory, assembly + ".dll");
        Assert.True(File.Exists(path), $"{path} is not built");
        _ = typeof(LocalPipelineHost); // referenced, so the local host is copied beside these tests
        return (path, directory);
    }
}
