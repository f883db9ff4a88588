using Azure;
using Azure.Data.Tables;

namespace PulsePipeline.Pipeline.Storage.Entities;

/// <summary>The four properties every table entity carries; each row type adds only its own.</summary>
public abstract class TableRow : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }
}
