using System.Text.RegularExpressions;
using PulsePipeline.TestSupport;

namespace PulsePipeline.DeploymentTests.Architecture;

/// <summary>
/// What `dotnet publish` of the Functions app deploys: the product and the shipped shift model, and nothing of the
/// laboratory, test support or the CLI, neither as assemblies nor as types inside the product's assemblies.
/// </summary>
public sealed partial class FunctionsPublishTests
{
    [Fact]
    public void PublishedApp_HoldsNoLabTestSupportOrCliAssembly()
    {
        var files = Directory.EnumerateFiles(FunctionsApp.PublishDirectory, "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();

        Assert.Contains("PulsePipeline.Functions.dll", files);
        Assert.Contains("PulsePipeline.Models.dll", files);
        var outside = files.Where(f => Outside().IsMatch(f!)).ToList();
        Assert.True(outside.Count == 0, "The published Functions app carries: " + string.Join(", ", outside));
    }

    [Fact]
    public void PublishedAssemblies_DefineNoLabOrSimulatorType()
    {
        var assemblies = Directory.EnumerateFiles(FunctionsApp.PublishDirectory, "PulsePipeline.*.dll").ToList();

        var found = assemblies
            .SelectMany(a => AssemblyFile.Types(a).Where(t => LabType().IsMatch(t)).Select(t => $"{Path.GetFileName(a)}: {t}"))
            .ToList();

        Assert.Equal(4, assemblies.Count); // Functions, Pipeline, Workspace, Models
        Assert.True(found.Count == 0, "Laboratory types in the published app:\n" + string.Join('\n', found));
    }

    [Fact]
    public void PublishedApp_ShipsTheCommittedShiftModel()
    {
        foreach (var file in new[] { "shift-model.zip", "shift-model.schema.json" })
        {
            var published = Path.Combine(FunctionsApp.PublishDirectory, "shift-model", file);

            Assert.True(File.Exists(published), $"{file} is not in the published app");
            Assert.Equal(File.ReadAllBytes(RepositoryRoot.File("models", "shift-model", file)), File.ReadAllBytes(published));
        }
    }

    /// <summary>The checks can fail: the laboratory's own assembly and types match what they look for.</summary>
    [Fact]
    public void TheLab_MatchesWhatThePublishChecksLookFor()
    {
        var lab = Path.Combine(AppContext.BaseDirectory, "PulsePipeline.Lab.dll");

        Assert.Matches(Outside(), Path.GetFileName(lab));
        Assert.Matches(Outside(), "PulsePipeline.TestSupport.dll");
        Assert.Contains(AssemblyFile.Types(lab), t => LabType().IsMatch(t));
        Assert.Contains("PulsePipeline.Lab.Detection.HistorySimulator", AssemblyFile.Types(lab));
    }

    [GeneratedRegex(@"^(PulsePipeline\.(Lab|TestSupport|LocalHost)|pulse|xunit|Microsoft\.TestPlatform|Microsoft\.VisualStudio\.TestPlatform)[.\w]*\.dll$")]
    private static partial Regex Outside();

    /// <summary>A type of the laboratory's namespaces or test support, or a simulator, evaluation, floor, bench or demo.</summary>
    [GeneratedRegex(@"^PulsePipeline\.(Lab|TestSupport)\.|\.\w*(Simulat|Evaluation|Floor|Bench|Demo)\w*$")]
    private static partial Regex LabType();
}
