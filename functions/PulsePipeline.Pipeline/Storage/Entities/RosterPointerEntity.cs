using Azure;
using Azure.Data.Tables;

namespace PulsePipeline.Pipeline.Storage.Entities;

/// <summary>Row "current/current" of the roster table: which imported roster version is live. Switching it is what makes an import atomic.</summary>
public sealed class RosterPointerEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public const string Key = "current";

    public string Version { get; set; } = "";

    public int Units { get; set; }

    public int Employees { get; set; }
}
