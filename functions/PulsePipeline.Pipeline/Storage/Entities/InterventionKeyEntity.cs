namespace PulsePipeline.Pipeline.Storage.Entities;

/// <summary>
/// Claims a (unit, type, start wave) for one intervention: partition "intervention", row key
/// "k|{encoded unit}|{type}|{start wave}". Inserted in the same transaction as the intervention, so two editors cannot
/// both record the same one: the second insert fails instead of leaving a duplicate effects could not tell apart.
/// </summary>
public sealed class InterventionKeyEntity : TableRow
{
    public const string RowPrefix = "k|";

    public string InterventionId { get; set; } = "";
}
