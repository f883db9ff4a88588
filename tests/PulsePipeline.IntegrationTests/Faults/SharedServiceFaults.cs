namespace PulsePipeline.IntegrationTests.Faults;

/// <summary>
/// Tests that stop a service every test shares (Azurite, smtp4dev) or empty the shared mailbox. xunit runs a collection
/// with parallelisation disabled on its own, after all parallel collections, so no other test sees the outage.
/// Each such test restores the service in a finally block, whatever happens.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SharedServiceFaults
{
    public const string Name = "Shared service faults";
}
