using System.Runtime.Serialization;

namespace PulsePipeline.Pipeline.Storage.Entities;

/// <summary>An email that went out: partition "{wave}|{round}|{encoded batch id}", row key the encoded employee id (<see cref="Employee"/>). Written after the send, so a crash can repeat at most the unflushed part of one batch, never skip anyone.</summary>
public sealed class DeliveryEntity : TableRow
{
    public const string Sent = "sent";
    public const string Rejected = "rejected";

    public string Outcome { get; set; } = Sent;

    /// <summary>The employee id as HR wrote it (the row key decoded).</summary>
    [IgnoreDataMember]
    public string Employee => TableKeys.Decode(RowKey);

    public static string Partition(string waveId, int round, string batchId) => $"{waveId}|{round}|{TableKeys.Encode(batchId)}";
}
