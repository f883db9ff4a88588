using System.Text.Json.Nodes;

namespace PulsePipeline.DeploymentTests;

/// <summary>infra/main.bicep compiled to ARM JSON once per test run, shared by the tests of <see cref="CompiledTemplateGroup"/>.</summary>
public sealed class CompiledTemplate
{
    public const string MainBicep = "infra/main.bicep";

    private readonly JsonNode? json;

    public CompiledTemplate()
    {
        Build = BicepCli.Run("build", MainBicep, "--stdout");
        json = Build.ExitCode == 0 ? JsonNode.Parse(Build.StandardOutput) : null;
    }

    internal BicepRun Build { get; }

    /// <summary>The compiled template; modules appear inline as nested deployments.</summary>
    public JsonNode Json => json ?? throw new InvalidOperationException($"{MainBicep} did not compile.\n{Build.Failure}");

    public string Text => Build.StandardOutput;
}
