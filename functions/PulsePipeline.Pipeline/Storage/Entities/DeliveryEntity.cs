namespace PulsePipeline.Pipeline.Storage.Entities;

/// <summary>An email that went out: partition "{wave}|{round}|{batch}", row key the employee id. Written after the send, so a crash can repeat at most the unflushed part of one batch, never skip anyone.</summary>
public sealed class DeliveryEntity : TableRow
{
    public const string Sent = "sent";
    public const string Rejected = "rejected";

    public string Outcome { get; set; } = Sent;
}
