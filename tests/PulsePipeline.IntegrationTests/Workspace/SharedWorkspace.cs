namespace PulsePipeline.IntegrationTests.Workspace;

/// <summary>The workspace tests that read one shared, seeded workspace (<see cref="WorkspaceFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class SharedWorkspace : ICollectionFixture<WorkspaceFixture>
{
    public const string Name = "Workspace";
}
