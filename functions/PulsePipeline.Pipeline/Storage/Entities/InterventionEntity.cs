namespace PulsePipeline.Pipeline.Storage.Entities;

/// <summary>
/// An intervention: partition "intervention", row key "i|{id}". One partition holds the whole registry (IPIM records
/// hundreds, not millions), so a get by id is a point read, a list is one partition query, and the intervention and
/// its <see cref="InterventionKeyEntity"/> change together in one entity-group transaction. The unit id is a
/// property, kept exactly as HR wrote it; where it is part of a key it is encoded (TableKeys).
/// </summary>
public sealed class InterventionEntity : TableRow
{
    public const string Partition = "intervention";
    public const string RowPrefix = "i|";

    /// <summary>
    /// The query for every intervention row and no key row: the partition, row keys from "i|" up to (not including)
    /// "i}", the next prefix.
    /// </summary>
    public static string AllRowsFilter { get; } = Azure.Data.Tables.TableClient.CreateQueryFilter(
        $"PartitionKey eq {Partition} and RowKey ge {RowPrefix} and RowKey lt {RowPrefix[..^1] + (char)(RowPrefix[^1] + 1)}");

    public string Unit { get; set; } = "";

    public string Type { get; set; } = "";

    public string StartWave { get; set; } = "";

    public string Status { get; set; } = "";

    public string Owner { get; set; } = "";

    public string Notes { get; set; } = "";

    /// <summary>The rollout plan whose draw created it; empty for any other.</summary>
    public string Plan { get; set; } = "";

    /// <summary>1 when recorded, one more at every change; 0 on rows written before revisions were counted.</summary>
    public int Revision { get; set; }
}
