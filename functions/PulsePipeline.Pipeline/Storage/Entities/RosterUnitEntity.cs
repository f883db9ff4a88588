using Azure;
using Azure.Data.Tables;

namespace PulsePipeline.Pipeline.Storage.Entities;

/// <summary>A unit of one roster version: partition "u|{version}", row key the unit id.</summary>
public sealed class RosterUnitEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Parent { get; set; } = "";

    public string Name { get; set; } = "";
}
