namespace PulsePipeline.Pipeline.Storage.Entities;

/// <summary>The one row every sending host shares: the send ledger (<see cref="Models.Sending.SendLedgerFormat"/>), updated under its ETag.</summary>
public sealed class SendLedgerEntity : TableRow
{
    public const string Partition = "email";
    public const string Row = "ledger";

    public byte[] State { get; set; } = [];
}
