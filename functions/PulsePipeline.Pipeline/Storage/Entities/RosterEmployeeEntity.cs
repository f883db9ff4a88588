using Azure;
using Azure.Data.Tables;

namespace PulsePipeline.Pipeline.Storage.Entities;

/// <summary>An employee of one roster version: partition "e|{version}|{unit}", row key the employee id.</summary>
public sealed class RosterEmployeeEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Email { get; set; } = "";

    public string Language { get; set; } = "";
}
