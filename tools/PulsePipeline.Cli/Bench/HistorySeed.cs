using Azure.Data.Tables;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Roster;
using PulsePipeline.Models.Simulation;
using PulsePipeline.Models.Tallies;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;

namespace PulsePipeline.Cli.Bench;

/// <summary>
/// Closed, unpublished waves as the pipeline leaves them before publication: a wave row, the wave's unit
/// snapshot and each unit's private tally, from simulated answers (about 65% of each unit answering, each unit's
/// climate drifting from wave to wave). Written straight to storage: this is set-up, not timed.
/// </summary>
internal static class HistorySeed
{
    public static async Task<IReadOnlyList<string>> WriteAsync(PulseStorage storage, IReadOnlyList<RosterUnit> units, IReadOnlyList<RosterEmployee> staff, int waves, int seed, CancellationToken cancellationToken)
    {
        var instrument = Instruments.Current;
        var sizes = staff.GroupBy(e => e.Unit).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var random = new Random(seed);
        var climates = units.ToDictionary(u => u.Id, _ => (random.NextDouble() - 0.5) * 0.6, StringComparer.Ordinal);
        var ids = Enumerable.Range(0, waves).Select(w => $"{2025 + (w / 12)}-{1 + (w % 12):D2}").ToList();
        var progress = new Demo.Progress("    seeding closed waves");
        foreach (var waveId in ids)
        {
            var now = DateTimeOffset.UtcNow;
            await storage.Waves.UpsertEntityAsync(new WaveEntity
            {
                PartitionKey = WaveEntity.Partition,
                RowKey = waveId,
                State = WaveStates.Closed,
                InstrumentVersion = instrument.Version,
                RosterVersion = "bench",
                OpensAt = now.AddDays(-14),
                ClosesAt = now,
                Units = units.Count,
                Invited = staff.Count,
            }, TableUpdateMode.Replace, cancellationToken);
            await TableBatches.SubmitAsync(storage.WaveUnits, units.Select(u => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new WaveUnitEntity
            {
                PartitionKey = waveId,
                RowKey = u.Id,
                Parent = u.Parent ?? "",
                Name = u.Name,
                Invited = sizes.GetValueOrDefault(u.Id),
            })), cancellationToken);

            var tallies = units.Select(u =>
            {
                climates[u.Id] += (random.NextDouble() - 0.5) * 0.1;
                var answering = (int)Math.Round(sizes.GetValueOrDefault(u.Id) * (0.45 + (0.4 * random.NextDouble())));
                return TallyEntity.From(TallyEntity.Partition(waveId, u.Id), Tally(instrument, answering, climates[u.Id], random), default);
            }).ToList();
            await Parallel.ForEachAsync(tallies, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (t, ct) =>
                await storage.Tallies.UpsertEntityAsync(t, TableUpdateMode.Replace, ct));
            progress.Report($"{waveId}");
        }

        progress.Done($"{waves} waves × {units.Count} units");
        return ids;
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
