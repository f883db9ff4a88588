using System.Text.Json;
using Azure;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Tallies;

namespace PulsePipeline.Pipeline.Storage.Entities;

/// <summary>
/// A unit's private tally for a wave: partition "{wave}|{unit}", row key "tally". Its idempotency markers share the
/// partition (row keys "m|{token hash}") so that one entity-group transaction can add a marker and update the tally.
/// </summary>
public sealed class TallyEntity : TableRow
{
    public const string Row = "tally";

    public string InstrumentVersion { get; set; } = "";

    public long N { get; set; }

    /// <summary>Construct totals and answer counts as JSON: exact integers, one property whatever the instrument.</summary>
    public string Totals { get; set; } = "";

    public static string Partition(string waveId, string unitId) => $"{waveId}|{unitId}";

    public static string MarkerRow(string tokenHash) => $"m|{tokenHash}";

    /// <summary>Bounds, both exclusive, of every partition of a wave: "{wave}|" sorts before them and "{wave}}" after ('}' follows '|').</summary>
    public static (string From, string To) WavePartitions(string waveId) => ($"{waveId}|", $"{waveId}}}");

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

    private sealed record StoredTotals(Dictionary<Construct, ConstructTotals> Constructs, Dictionary<string, long[]> Counts);
}
