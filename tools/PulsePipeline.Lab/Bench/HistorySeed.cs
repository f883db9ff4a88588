using Azure.Data.Tables;
using PulsePipeline.Lab.Simulation;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Roster;
using PulsePipeline.Models.Tallies;
using PulsePipeline.Models.Tokens;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;

namespace PulsePipeline.Lab.Bench;

/// <summary>
/// Closed, unpublished waves as the pipeline leaves them before publication: a wave row, the wave's unit
/// snapshot and, in the wave's own table, each unit's running tally from simulated answers (about 65% of each unit
/// answering, each unit's climate drifting from wave to wave). The last wave also gets what a real one holds at
/// close: a token row per employee and an idempotency marker per respondent, which publication must remove.
/// Written straight to storage: this is set-up, not timed.
/// </summary>
internal static class HistorySeed
{
    public static async Task<(IReadOnlyList<string> Ids, int Tokens, int Markers)> WriteAsync(PulseStorage storage, IReadOnlyList<RosterUnit> units, IReadOnlyList<RosterEmployee> staff, int waves, int seed, CancellationToken cancellationToken)
    {
        var instrument = Instruments.Current;
        var sizes = staff.GroupBy(e => e.Unit).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var random = new Random(seed);
        var climates = units.ToDictionary(u => u.Id, _ => (random.NextDouble() - 0.5) * 0.6, StringComparer.Ordinal);
        var ids = Enumerable.Range(0, waves).Select(w => $"{2025 + (w / 12)}-{1 + (w % 12):D2}").ToList();
        var progress = new Demo.Progress("    seeding closed waves");
        var markers = 0;
        foreach (var waveId in ids)
        {
            var table = await WriteWaveAsync(storage, waveId, units, staff.Count, sizes, instrument, cancellationToken);
            var last = waveId == ids[^1];
            var rows = new List<TableTransactionAction>();
            foreach (var u in units)
            {
                climates[u.Id] += (random.NextDouble() - 0.5) * 0.1;
                var answering = (int)Math.Round(sizes.GetValueOrDefault(u.Id) * (0.45 + (0.4 * random.NextDouble())));
                var partition = TallyEntity.Partition(u.Id);
                rows.Add(new(TableTransactionActionType.UpsertReplace, TallyEntity.From(partition, Tally(instrument, answering, climates[u.Id], random), default)));
                if (last)
                {
                    rows.AddRange(Enumerable.Range(0, answering).Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(partition, TallyEntity.MarkerRow(SurveyTokens.Hash($"bench|{u.Id}|{i}"))))));
                    markers += answering;
                }
            }

            if (last)
            {
                rows.AddRange(staff.Select(e => SurveyTokens.Hash($"bench|{waveId}|{e.Id}")).Select(h => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TokenEntity { PartitionKey = TokenPartition.Of(h), RowKey = h, Unit = "bench" })));
            }

            await TableBatches.SubmitAsync(table, rows, cancellationToken, parallelism: 16);
            progress.Report($"{waveId}");
        }

        progress.Done($"{waves} waves × {units.Count} units; the last with {staff.Count} token rows and {markers} markers");
        return (ids, staff.Count, markers);
    }

    /// <summary>A closed wave's row, its units as they were when it opened, and its own (empty) table, which is returned.</summary>
    private static async Task<TableClient> WriteWaveAsync(PulseStorage storage, string waveId, IReadOnlyList<RosterUnit> units, int invited, Dictionary<string, int> sizes, SurveyInstrument instrument, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var wave = new WaveEntity
        {
            PartitionKey = WaveEntity.Partition,
            RowKey = waveId,
            State = WaveStates.Closed,
            InstrumentVersion = instrument.Version,
            RosterVersion = "bench",
            OpensAt = now.AddDays(-14),
            ClosesAt = now,
            Units = units.Count,
            Invited = invited,
            Table = storage.Names.WaveTable(waveId),
        };
        await storage.Waves.UpsertEntityAsync(wave, TableUpdateMode.Replace, cancellationToken);
        var table = storage.WaveTable(wave);
        await table.CreateIfNotExistsAsync(cancellationToken);
        await TableBatches.SubmitAsync(storage.WaveUnits, units.Select(u => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new WaveUnitEntity
        {
            PartitionKey = waveId,
            RowKey = TableKeys.Encode(u.Id),
            Parent = u.Parent ?? "",
            Name = u.Name,
            Invited = sizes.GetValueOrDefault(u.Id),
        })), cancellationToken);
        return table;
    }

    private static PrivateTally Tally(SurveyInstrument instrument, int respondents, double climate, Random random)
    {
        var constructs = Enum.GetValues<Construct>().ToDictionary(c => c, _ => (Sum: 0L, Squares: 0L));
        var counts = instrument.Items.ToDictionary(i => i.Id, _ => new long[SurveyItem.MaxAnswer], StringComparer.Ordinal);
        for (var r = 0; r < respondents; r++)
        {
            var answers = SimulatedRespondents.Answer(instrument, climate, random);
            foreach (var construct in constructs.Keys.ToList())
            {
                var sum = instrument.ItemSum(construct, answers);
                constructs[construct] = (constructs[construct].Sum + sum, constructs[construct].Squares + ((long)sum * sum));
            }

            foreach (var (item, answer) in answers)
            {
                counts[item][answer - SurveyItem.MinAnswer]++;
            }
        }

        return new PrivateTally(
            instrument.Version,
            respondents,
            constructs.ToDictionary(c => c.Key, c => new ConstructTotals(c.Value.Sum, c.Value.Squares)),
            counts.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal));
    }
}
