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

    public string Unit { get; set; } = "";

    public string Type { get; set; } = "";

    public string StartWave { get; set; } = "";

    public string Status { get; set; } = "";

    public string Owner { get; set; } = "";

    public string Notes { get; set; } = "";
}
