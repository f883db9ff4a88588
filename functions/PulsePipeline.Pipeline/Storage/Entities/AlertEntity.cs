namespace PulsePipeline.Pipeline.Storage.Entities;

/// <summary>
/// What the IPIM digest of a wave raised: partition the wave id; row key the encoded unit id of each unit raised
/// (with its published figures then, so a later wave can tell whether it worsened), and <see cref="DigestRow"/> for the
/// digest itself (pending while being sent, then sent), which makes it go out once per wave.
/// </summary>
public sealed class AlertEntity : TableRow
{
    /// <summary>No unit's key can be this: TableKeys.Encode writes '%' only before hex digits.</summary>
    public const string DigestRow = "%digest";
    public const string Pending = "pending";
    public const string Sent = "sent";

    /// <summary>The unit's published figures in the wave it was raised, to tell later whether it worsened beyond noise.</summary>
    public long? N { get; set; }

    public double? PressureMean { get; set; }

    public double? PressureSd { get; set; }

    public double? SpeakUpMean { get; set; }

    public double? SpeakUpSd { get; set; }

    /// <summary>For the digest row: pending or sent.</summary>
    public string State { get; set; } = "";
}
