using System.Buffers.Binary;

namespace PulsePipeline.Models.Sending;

/// <summary>
/// A <see cref="SendLedger"/> as bytes (one binary property of one table row): a version, the pause, then each open
/// grant (id, count, lease end) and each sent block (count, end), little-endian, times as UTC ticks.
/// </summary>
public static class SendLedgerFormat
{
    private const byte Version = 1;

    public static byte[] Serialize(SendLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var bytes = new byte[1 + 8 + 4 + (ledger.Open.Count * 20) + 4 + (ledger.Sent.Count * 12)];
        var span = bytes.AsSpan();
        span[0] = Version;
        BinaryPrimitives.WriteInt64LittleEndian(span[1..], ledger.PausedUntil.UtcTicks);
        BinaryPrimitives.WriteInt32LittleEndian(span[9..], ledger.Open.Count);
        var at = 13;
        foreach (var g in ledger.Open)
        {
            BinaryPrimitives.WriteInt64LittleEndian(span[at..], g.Id);
            BinaryPrimitives.WriteInt32LittleEndian(span[(at + 8)..], g.Count);
            BinaryPrimitives.WriteInt64LittleEndian(span[(at + 12)..], g.LeaseEnd.UtcTicks);
            at += 20;
        }

        BinaryPrimitives.WriteInt32LittleEndian(span[at..], ledger.Sent.Count);
        at += 4;
        foreach (var b in ledger.Sent)
        {
            BinaryPrimitives.WriteInt32LittleEndian(span[at..], b.Count);
            BinaryPrimitives.WriteInt64LittleEndian(span[(at + 4)..], b.End.UtcTicks);
            at += 12;
        }

        return bytes;
    }

    /// <exception cref="InvalidDataException">The bytes are not a ledger this version wrote.</exception>
    public static SendLedger Deserialize(ReadOnlySpan<byte> bytes)
    {
        try
        {
            if (bytes[0] != Version)
            {
                throw new InvalidDataException($"send ledger format {bytes[0]}, expected {Version}");
            }

            var open = new List<SendGrant>();
            var at = 13;
            for (var i = BinaryPrimitives.ReadInt32LittleEndian(bytes[9..]); i > 0; i--, at += 20)
            {
                open.Add(new SendGrant(BinaryPrimitives.ReadInt64LittleEndian(bytes[at..]), BinaryPrimitives.ReadInt32LittleEndian(bytes[(at + 8)..]), Utc(BinaryPrimitives.ReadInt64LittleEndian(bytes[(at + 12)..]))));
            }

            var sent = new List<SentBlock>();
            var blocks = BinaryPrimitives.ReadInt32LittleEndian(bytes[at..]);
            for (at += 4; blocks > 0; blocks--, at += 12)
            {
                sent.Add(new SentBlock(BinaryPrimitives.ReadInt32LittleEndian(bytes[at..]), Utc(BinaryPrimitives.ReadInt64LittleEndian(bytes[(at + 4)..]))));
            }

            return at == bytes.Length
                ? new SendLedger(Utc(BinaryPrimitives.ReadInt64LittleEndian(bytes[1..])), open, sent)
                : throw new InvalidDataException("send ledger has trailing bytes");
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or IndexOutOfRangeException or OverflowException)
        {
            throw new InvalidDataException("send ledger is truncated or corrupt", e);
        }
    }

    private static DateTimeOffset Utc(long ticks) => new(ticks, TimeSpan.Zero);
}
