using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using PulsePipeline.Workspace;

namespace PulsePipeline.UnitTests.Workspace;

/// <summary>
/// Privacy rule 6 by construction: the workspace assembly's own metadata names none of the private entities, stores
/// or tables (tallies, tokens, roster, deliveries, wave snapshots, alerts), no queue or blob client, and no storage
/// name but the published ones; interventions, effects and the audit only through their stores. The scan is shown to work by finding the references the read model does make.
/// </summary>
public sealed class WorkspacePrivacyTests
{
    private static readonly string[] PrivateTypes =
    [
        "PulsePipeline.Pipeline.Storage.PulseStorage",
        "PulsePipeline.Pipeline.Storage.Entities.TallyEntity",
        "PulsePipeline.Pipeline.Storage.Entities.TokenEntity",
        "PulsePipeline.Pipeline.Storage.Entities.RosterEmployeeEntity",
        "PulsePipeline.Pipeline.Storage.Entities.RosterUnitEntity",
        "PulsePipeline.Pipeline.Storage.Entities.RosterPointerEntity",
        "PulsePipeline.Pipeline.Storage.Entities.DeliveryEntity",
        "PulsePipeline.Pipeline.Storage.Entities.WaveUnitEntity",
        "PulsePipeline.Pipeline.Storage.Entities.AlertEntity",
        "PulsePipeline.Pipeline.Roster.RosterStore",
        "PulsePipeline.Pipeline.Waves.WaveStore",
        "PulsePipeline.Pipeline.Survey.SurveyResponses",
        "PulsePipeline.Pipeline.Interventions.KnownUnits",
        "PulsePipeline.Pipeline.Interventions.InterventionImporter",
        "PulsePipeline.Models.Tallies.PrivateTally",
        "PulsePipeline.Models.Roster.Roster",
        "Azure.Storage.Queues.QueueServiceClient",
        "Azure.Storage.Queues.QueueClient",
        "Azure.Storage.Blobs.BlobServiceClient",
    ];

    private static readonly string[] PrivateMembers =
    [
        "StorageNames.get_Roster", "StorageNames.get_Tokens", "StorageNames.get_Deliveries", "StorageNames.get_Tallies",
        "StorageNames.get_WaveUnits", "StorageNames.get_Alerts", "StorageNames.get_Tables",
        "StorageNames.Queue", "StorageNames.PoisonQueue", "StorageClients.get_Queues",
    ];

    private static readonly string[] PrivateTableNames = ["roster", "tokens", "deliveries", "tallies", "waveunits", "alerts"];

    [Fact]
    public void WorkspaceAssembly_ReferencesNoPrivateEntityStoreOrTable()
    {
        var scan = Scan();

        Assert.Empty(scan.Types.Intersect(PrivateTypes));
        Assert.Empty(scan.Members.Intersect(PrivateMembers));
        Assert.DoesNotContain(scan.Strings, s => PrivateTableNames.Contains(s, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void Scan_SeesTheReferencesTheReadModelMakes()
    {
        var scan = Scan();

        Assert.Contains("PulsePipeline.Pipeline.Storage.Entities.PublishedEntity", scan.Types);
        Assert.Contains("PulsePipeline.Pipeline.Storage.Entities.FlagEntity", scan.Types);
        Assert.Contains("StorageNames.get_Published", scan.Members);
        Assert.Contains("StorageNames.get_Flags", scan.Members);
        Assert.Contains("StorageClients.get_Tables", scan.Members);
        Assert.Contains("PulsePipeline.Pipeline.Interventions.InterventionStore", scan.Types);
        Assert.Contains("PulsePipeline.Pipeline.Effects.EffectStore", scan.Types);
        Assert.Contains("PulsePipeline.Pipeline.Audit.AuditLog", scan.Types);
    }

    private static (HashSet<string> Types, HashSet<string> Members, List<string> Strings) Scan()
    {
        using var pe = new PEReader(File.OpenRead(typeof(WorkspaceEndpoint).Assembly.Location));
        var md = pe.GetMetadataReader();
        string Name(TypeReferenceHandle h)
        {
            var t = md.GetTypeReference(h);
            var ns = md.GetString(t.Namespace);
            return ns.Length == 0 ? md.GetString(t.Name) : $"{ns}.{md.GetString(t.Name)}";
        }

        var types = md.TypeReferences.Select(Name).ToHashSet(StringComparer.Ordinal);
        var members = md.MemberReferences
            .Select(md.GetMemberReference)
            .Where(m => m.Parent.Kind == HandleKind.TypeReference)
            .Select(m => $"{md.GetString(md.GetTypeReference((TypeReferenceHandle)m.Parent).Name)}.{md.GetString(m.Name)}")
            .ToHashSet(StringComparer.Ordinal);
        var strings = new List<string>();
        for (var h = MetadataTokens.UserStringHandle(1); !h.IsNil; h = md.GetNextHandle(h))
        {
            strings.Add(md.GetUserString(h));
        }

        return (types, members, strings);
    }
}
