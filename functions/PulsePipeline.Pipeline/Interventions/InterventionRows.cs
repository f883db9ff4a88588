using Azure;
using Azure.Data.Tables;
using PulsePipeline.Models.Interventions;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;

namespace PulsePipeline.Pipeline.Interventions;

/// <summary>How an intervention maps to its two rows, and the transaction actions that add or change them together.</summary>
internal static class InterventionRows
{
    public static string RowKey(string id) => InterventionEntity.RowPrefix + id;

    /// <summary>The unit is encoded; type ids and wave ids hold no '|', so the key is unambiguous read from the right.</summary>
    public static string KeyRowKey(InterventionRecord i) =>
        $"{InterventionKeyEntity.RowPrefix}{TableKeys.Encode(i.Unit)}|{i.Type}|{i.StartWave}";

    /// <summary>The revision of a newly recorded intervention.</summary>
    public const int FirstRevision = 1;

    public static InterventionEntity ToEntity(InterventionRecord i, int revision) => new()
    {
        PartitionKey = InterventionEntity.Partition,
        RowKey = RowKey(i.Id),
        Unit = i.Unit,
        Type = i.Type,
        StartWave = i.StartWave,
        Status = i.Status,
        Owner = i.Owner,
        Notes = i.Notes,
        Plan = i.Plan,
        Revision = revision,
    };

    public static StoredIntervention ToStored(InterventionEntity e) => new(
        new InterventionRecord(e.RowKey[InterventionEntity.RowPrefix.Length..], e.Unit, e.Type, e.StartWave, e.Status, e.Owner, e.Notes) { Plan = e.Plan },
        e.Revision)
    {
        ETag = e.ETag,
    };

    /// <summary>An intervention just written at <paramref name="revision"/>, with the ETag of the transaction's response to it.</summary>
    public static StoredIntervention Stored(InterventionRecord i, int revision, Response written) =>
        new(i, revision) { ETag = written.Headers.ETag ?? default };

    /// <summary>Insert the intervention (action 0) and claim its unit, type and start wave (action 1).</summary>
    public static IEnumerable<TableTransactionAction> Insert(InterventionRecord i) =>
    [
        new(TableTransactionActionType.Add, ToEntity(i, FirstRevision)),
        new(TableTransactionActionType.Add, KeyRow(i)),
    ];

    /// <summary>
    /// Replace the intervention under the ETag it was read with, at the next revision (action 0); a new start wave moves
    /// its claim (actions 1 and 2).
    /// </summary>
    public static IEnumerable<TableTransactionAction> Update(StoredIntervention current, InterventionRecord after)
    {
        var before = current.Intervention;
        yield return new(TableTransactionActionType.UpdateReplace, ToEntity(after, current.Revision + 1), current.ETag);
        if (KeyRowKey(before) != KeyRowKey(after))
        {
            yield return new(TableTransactionActionType.Delete, KeyRow(before), ETag.All);
            yield return new(TableTransactionActionType.Add, KeyRow(after));
        }
    }

    private static InterventionKeyEntity KeyRow(InterventionRecord i) => new()
    {
        PartitionKey = InterventionEntity.Partition,
        RowKey = KeyRowKey(i),
        InterventionId = i.Id,
    };
}
