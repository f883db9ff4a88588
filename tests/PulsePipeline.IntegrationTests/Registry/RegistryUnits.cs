using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;

namespace PulsePipeline.IntegrationTests.Registry;

/// <summary>Units a test's interventions can be recorded for: a small roster, and units known from a published wave.</summary>
internal static class RegistryUnits
{
    public const string OrgPath = "BZK/DGOO/Directie Arbeidszaken/Team Ä.1";

    /// <summary>Roster units min, afd1, afd2 (with one employee).</summary>
    public static Task RosterAsync(TestPipeline pipeline) => pipeline.ImportAsync(
        "unit,parent,name\nmin,,Ministerie\nafd1,min,Afdeling 1\nafd2,min,Afdeling 2\n",
        $"employee_id,email,language,unit\ne1,e1@{pipeline.EmailDomain},nl,afd1\n");

    /// <summary>A published wave whose (suppressed) rows name <paramref name="units"/>, keyed as publication keys them.</summary>
    public static async Task PublishedAsync(TestPipeline pipeline, string wave, params string[] units)
    {
        var now = DateTimeOffset.UtcNow;
        await pipeline.Storage.Waves.AddEntityAsync(new WaveEntity { PartitionKey = WaveEntity.Partition, RowKey = wave, State = WaveStates.Published, OpensAt = now, ClosesAt = now });
        foreach (var unit in units)
        {
            await pipeline.Storage.Published.AddEntityAsync(new PublishedEntity { PartitionKey = wave, RowKey = TableKeys.Encode(unit), Published = false });
        }
    }
}
