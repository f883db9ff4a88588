namespace PulsePipeline.DeploymentTests.Configuration;

/// <summary>One place that names the pipeline's settings, and the keys it names.</summary>
internal sealed record KeySource(string Place, IReadOnlySet<string> Keys);
