namespace PulsePipeline.Pipeline.Storage.Entities;

/// <summary>
/// One audit row: partition the day (inverted, so a range query returns the newest day first), row key "e" and the
/// day's sequence number inverted (newest first within the day). Neither key nor property holds a time finer than
/// the day; only the table's own Timestamp does, which the audit never reads or shows.
/// </summary>
public sealed class AuditEntity : TableRow
{
    public const string RowPrefix = "e";

    /// <summary>yyyy-MM-dd, Amsterdam time.</summary>
    public string Day { get; set; } = "";

    /// <summary>The actor's display name (<see cref="Models.Audit.AuditActor.Name"/>).</summary>
    public string Actor { get; set; } = "";

    /// <summary>The actor's stable id; empty on rows written before ids were recorded.</summary>
    public string ActorId { get; set; } = "";

    public string Action { get; set; } = "";

    public string Subject { get; set; } = "";

    public string Detail { get; set; } = "";
}
