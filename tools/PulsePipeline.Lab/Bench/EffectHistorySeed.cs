using Azure.Data.Tables;
using PulsePipeline.Lab.Effects;
using PulsePipeline.Models.Detection;
using PulsePipeline.Models.Effects;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Interventions;
using PulsePipeline.Pipeline.Interventions;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;

namespace PulsePipeline.Lab.Bench;

/// <summary>
/// A realistic published history written straight to storage (the estimator's input, and what the workspace reads; the
/// steps read it as they read a real one): the effect evaluation's simulated world as published waves with unit
/// snapshots, and its interventions recorded through the registry, as IPIM would. Shared by the benches and the
/// integration tests. Set-up, not timed: batch transactions per wave instead of the pipeline's publication.
/// </summary>
internal static class EffectHistorySeed
{
    /// <summary>A unit of one respondent a wave: an intervention there, started in the last wave, is too noisy to judge.</summary>
    public const string Tiny = "klein";

    /// <summary>Names with markup, as HR systems may send them: the digest and the pages must show them as text.</summary>
    public static string NameOf(string unit) => $"Afdeling <{unit}> & co";

    /// <param name="interventions">How many interventions to record in all (the tiny unit's included); null: as many as the world drew.</param>
    /// <param name="ministries">0: the world's flat units; otherwise a root and this many ministries above them (see <see cref="SeedTree"/>).</param>
    public static async Task<(EffectWorld World, IReadOnlyList<HistoryRow> Rows)> WriteAsync(PulseStorage storage, InterventionStore registry, int units, int waves, int seed, int? interventions = null, int ministries = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(registry);
        var world = EffectWorldSimulator.Simulate(new EffectWorldSettings { Units = units, Waves = waves, Seed = seed });
        var random = new Random(seed);
        var tree = new SeedTree(ministries, world.Rows.Select(r => r.Unit).Distinct());
        var all = world.Rows.Concat(world.Waves.Select(w => new HistoryRow(w, Tiny, 1, 1, 2 + random.NextDouble(), 0.9, 3 + random.NextDouble(), 0.9))).ToList();
        all.AddRange(tree.RollUp(all));
        var progress = new Demo.Progress("    seeding published waves");
        foreach (var wave in world.Waves)
        {
            var rows = all.Where(r => r.Wave == wave).ToList();
            await storage.Waves.UpsertEntityAsync(new WaveEntity { PartitionKey = WaveEntity.Partition, RowKey = wave, State = WaveStates.Published, InstrumentVersion = Instruments.Current.Version, Units = rows.Count, Table = storage.Names.WaveTable(wave) }, cancellationToken: cancellationToken);
            var unitRows = TableBatches.SubmitAsync(storage.WaveUnits, rows.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new WaveUnitEntity
            {
                PartitionKey = wave,
                RowKey = TableKeys.Encode(r.Unit),
                Parent = tree.ParentOf(r.Unit),
                Name = tree.NameOf(r.Unit),
                Invited = r.Invited ?? 0,
            })), cancellationToken);
            var publishedRows = TableBatches.SubmitAsync(storage.Published, rows.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Published(r, tree))), cancellationToken);
            await Task.WhenAll(unitRows, publishedRows);
            progress.Report(wave);
        }

        progress.Done($"{world.Waves.Count} waves × {all.Count / world.Waves.Count} units");
        await RecordAsync(registry, Interventions(world, interventions, random), cancellationToken);
        return (world, all);
    }

    /// <summary>A published row as publication writes it: figures only when published, the rate only where invited.</summary>
    private static PublishedEntity Published(HistoryRow r, SeedTree tree) => new()
    {
        PartitionKey = r.Wave,
        RowKey = TableKeys.Encode(r.Unit),
        Name = tree.NameOf(r.Unit),
        Parent = tree.ParentOf(r.Unit),
        Published = r.IsPublished,
        N = r.N,
        Invited = r.Invited,
        ResponseRate = r.Invited is > 0 && r.N is { } n ? (double)n / r.Invited.Value : null,
        PressureMean = r.PressureMean,
        PressureSd = r.PressureSd,
        SpeakUpMean = r.SpeakUpMean,
        SpeakUpSd = r.SpeakUpSd,
        Items = r.IsPublished ? SeedItems.Json(r) : "",
    };

    /// <summary>The world's interventions (and one in the tiny unit), cut to or filled up to the number asked.</summary>
    private static List<PlannedIntervention> Interventions(EffectWorld world, int? wanted, Random random)
    {
        var tiny = new PlannedIntervention("", Tiny, InterventionTypes.Other, world.Waves[^1]);
        var planned = world.Planned.ToList();
        if (wanted is not { } count)
        {
            return [.. planned, tiny];
        }

        var units = world.Rows.Select(r => r.Unit).Distinct().ToList();
        var taken = planned.Select(Key).ToHashSet(StringComparer.Ordinal);
        while (planned.Count < count - 1)
        {
            var extra = new PlannedIntervention("", units[random.Next(units.Count)], InterventionTypes.All[random.Next(InterventionTypes.All.Count)].Id, world.Waves[random.Next(1, world.Waves.Count)]);
            if (taken.Add(Key(extra)))
            {
                planned.Add(extra);
            }
        }

        return [.. planned.Take(count - 1), tiny];
    }

    private static string Key(PlannedIntervention p) => $"{p.Unit}|{p.Type}|{p.StartWave}";

    private static async Task RecordAsync(InterventionStore registry, List<PlannedIntervention> planned, CancellationToken cancellationToken)
    {
        var progress = new Demo.Progress("    recording interventions");
        foreach (var (p, i) in planned.Select((p, i) => (p, i)))
        {
            var result = await registry.AddAsync(new InterventionRecord("", p.Unit, p.Type, p.StartWave, InterventionStatuses.Running, "ipim-bench", ""), Models.Audit.AuditActors.CommandLine("bench"), cancellationToken);
            if (result.Outcome != InterventionWriteOutcome.Saved)
            {
                throw new InvalidOperationException(string.Join("; ", result.Problems.Select(x => x.Message)));
            }

            if (i % 50 == 0)
            {
                progress.Report($"{i + 1} of {planned.Count}");
            }
        }

        progress.Done($"{planned.Count} recorded");
    }
}
