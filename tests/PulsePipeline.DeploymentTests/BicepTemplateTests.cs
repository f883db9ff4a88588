using System.Text.Json.Nodes;
using PulsePipeline.TestSupport;

namespace PulsePipeline.DeploymentTests;

/// <summary>
/// infra/main.bicep builds and lints with zero diagnostics. The CLI exits 0 on warnings (type errors
/// included), so these tests read what it printed and fail on any warning, printing them all.
/// </summary>
[Collection(CompiledTemplateGroup.Name)]
public sealed class BicepTemplateTests(CompiledTemplate template)
{
    [Fact]
    public void MainTemplate_BuildsWithoutDiagnostics()
    {
        template.Build.AssertClean();
        Assert.NotNull(template.Json["resources"]);
    }

    [Fact]
    public void MainTemplate_LintsWithoutDiagnostics()
    {
        var lint = BicepCli.Run("lint", CompiledTemplate.MainBicep);

        lint.AssertClean();
        Assert.Empty(lint.StandardOutput.Trim());
    }

    [Fact]
    public void ParametersFile_SetsOnlyTemplateParameters_AndEveryRequiredOne()
    {
        var templateParameters = template.Json["parameters"]!.AsObject();
        var fileParameters = JsonNode.Parse(RepositoryRoot.ReadAllText("infra", "main.parameters.json"))!["parameters"]!.AsObject();

        var unknown = fileParameters.Select(p => p.Key).Where(name => !templateParameters.ContainsKey(name));
        var required = templateParameters.Where(p => p.Value?["defaultValue"] is null).Select(p => p.Key);
        var missing = required.Where(name => !fileParameters.ContainsKey(name));

        Assert.Empty(unknown);
        Assert.Empty(missing);
    }
}
