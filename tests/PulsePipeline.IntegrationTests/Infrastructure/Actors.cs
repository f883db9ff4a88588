using PulsePipeline.Models.Audit;

namespace PulsePipeline.IntegrationTests.Infrastructure;

/// <summary>Audit actors for tests that write the registry directly: a stable id derived from the name, and the name.</summary>
internal static class Actors
{
    public static AuditActor Named(string name) => new("oid-" + name.Replace(' ', '-').ToLowerInvariant(), name);
}
