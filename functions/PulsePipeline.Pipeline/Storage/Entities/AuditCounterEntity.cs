namespace PulsePipeline.Pipeline.Storage.Entities;

/// <summary>The next sequence number of a day's audit rows: row key "n" in the day's partition, updated under its ETag with the rows it numbers.</summary>
public sealed class AuditCounterEntity : TableRow
{
    public const string Key = "n";

    public long Next { get; set; }
}
