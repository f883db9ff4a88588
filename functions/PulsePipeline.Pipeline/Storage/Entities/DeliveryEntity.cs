using Azure;
using Azure.Data.Tables;

namespace PulsePipeline.Pipeline.Storage.Entities;

/// <summary>An email that went out: partition "{wave}|{round}|{batch}", row key the employee id. Written after the send, so a crash can repeat at most the unflushed part of one batch, never skip anyone.</summary>
public sealed class DeliveryEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public const string Sent = "sent";
    public const string Rejected = "rejected";

    public string Outcome { get; set; } = Sent;
}
