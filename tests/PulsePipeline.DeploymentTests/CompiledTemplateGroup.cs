namespace PulsePipeline.DeploymentTests;

/// <summary>The tests that read the compiled template: they share one compilation (a build takes seconds).</summary>
[CollectionDefinition(Name)]
public sealed class CompiledTemplateGroup : ICollectionFixture<CompiledTemplate>
{
    public const string Name = "Bicep";
}
