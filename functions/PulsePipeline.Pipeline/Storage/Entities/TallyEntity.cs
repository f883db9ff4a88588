using System.Runtime.Serialization;
using System.Text.Json;
using Azure;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Tallies;

namespace PulsePipeline.Pipeline.Storage.Entities;

/// <summary>
/// A unit's private tally for a wave. While the wave runs it lives in the wave's own table: partition
/// "tally|{encoded unit id}", row key "tally", with the unit's idempotency markers in the same partition (row keys
/// "m|{token hash}") so that one entity-group transaction can add markers and update the tally. Publication copies it
/// to the permanent tallies table (<see cref="Archived"/>: partition the wave id, row key the encoded unit id), where
/// it stays for audit after the wave's table, markers and all, is deleted.
/// </summary>
public sealed class TallyEntity : TableRow
{
    public const string Row = "tally";

    private const string PartitionPrefix = "tally|";

    public string InstrumentVersion { get; set; } = "";

    public long N { get; set; }

    /// <summary>Construct totals and answer counts as JSON: exact integers, one property whatever the instrument.</summary>
    public string Totals { get; set; } = "";

    /// <summary>The unit id as HR wrote it, from either place the tally can be.</summary>
    [IgnoreDataMember]
    public string Unit => TableKeys.Decode(PartitionKey.StartsWith(PartitionPrefix, StringComparison.Ordinal) ? PartitionKey[PartitionPrefix.Length..] : RowKey);

    /// <summary>The running tally's partition in the wave's table.</summary>
    public static string Partition(string unitId) => PartitionPrefix + TableKeys.Encode(unitId);

    public static string MarkerRow(string tokenHash) => $"m|{tokenHash}";

    /// <summary>
    /// Bounds, both exclusive, of every tally partition of a wave's table: "tally|" sorts before them and "tally}" after
    /// ('}' follows '|'), whatever the encoded unit ids hold; token partitions (two hex digits) sort before both.
    /// </summary>
    public static (string From, string To) Partitions => (PartitionPrefix, "tally}");

    public PrivateTally ToTally()
    {
        var totals = JsonSerializer.Deserialize<StoredTotals>(Totals) ?? throw new InvalidDataException($"tally {PartitionKey} has no totals");
        return new PrivateTally(InstrumentVersion, N, totals.Constructs, totals.Counts);
    }

    public static TallyEntity From(string partitionKey, PrivateTally tally, ETag etag) => new()
    {
        PartitionKey = partitionKey,
        RowKey = Row,
        InstrumentVersion = tally.InstrumentVersion,
        N = tally.N,
        Totals = JsonSerializer.Serialize(new StoredTotals(tally.Constructs.ToDictionary(), tally.Counts.ToDictionary())),
        ETag = etag,
    };

    /// <summary>The copy kept in the permanent tallies table once the wave is published.</summary>
    public TallyEntity Archived(string waveId) => new()
    {
        PartitionKey = waveId,
        RowKey = TableKeys.Encode(Unit),
        InstrumentVersion = InstrumentVersion,
        N = N,
        Totals = Totals,
    };

    private sealed record StoredTotals(Dictionary<Construct, ConstructTotals> Constructs, Dictionary<string, long[]> Counts);
}
