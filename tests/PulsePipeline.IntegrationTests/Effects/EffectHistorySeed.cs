using Azure.Data.Tables;
using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.Models.Detection;
using PulsePipeline.Models.Effects.Simulation;
using PulsePipeline.Models.Interventions;
using PulsePipeline.Pipeline.Interventions;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;

namespace PulsePipeline.IntegrationTests.Effects;

/// <summary>
/// A realistic published history written straight to storage (the estimator's input; the steps under test read it as
/// they read a real one): the effect evaluation's simulated world as published waves with unit snapshots, and its
/// interventions recorded through the registry, as IPIM would.
/// </summary>
internal static class EffectHistorySeed
{
    /// <summary>Names with markup, as HR systems may send them: the digest must show them as text.</summary>
    public static string NameOf(string unit) => $"Afdeling <{unit}> & co";

    /// <summary>A unit of one respondent a wave: an intervention there, started in the last wave, is too noisy to judge.</summary>
    public const string Tiny = "klein";

    public static async Task<(EffectWorld World, IReadOnlyList<HistoryRow> Rows)> WriteAsync(TestPipeline pipeline, int units, int waves, int seed)
    {
        var world = EffectWorldSimulator.Simulate(new EffectWorldSettings { Units = units, Waves = waves, Seed = seed });
        var random = new Random(seed);
        var all = world.Rows.Concat(world.Waves.Select(w => new HistoryRow(w, Tiny, 1, 1, 2 + random.NextDouble(), 0.9, 3 + random.NextDouble(), 0.9))).ToList();
        var storage = pipeline.Storage;
        foreach (var wave in world.Waves)
        {
            var rows = all.Where(r => r.Wave == wave).ToList();
            await storage.Waves.UpsertEntityAsync(new WaveEntity { PartitionKey = WaveEntity.Partition, RowKey = wave, State = WaveStates.Published, Units = rows.Count, Table = storage.Names.WaveTable(wave) });
            await TableBatches.SubmitAsync(storage.WaveUnits, rows.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new WaveUnitEntity
            {
                PartitionKey = wave,
                RowKey = TableKeys.Encode(r.Unit),
                Name = NameOf(r.Unit),
                Invited = r.Invited ?? 0,
            })), CancellationToken.None);
            await TableBatches.SubmitAsync(storage.Published, rows.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new PublishedEntity
            {
                PartitionKey = wave,
                RowKey = TableKeys.Encode(r.Unit),
                Name = NameOf(r.Unit),
                Published = r.IsPublished,
                N = r.N,
                Invited = r.Invited,
                ResponseRate = r.Invited is > 0 && r.N is { } n ? (double)n / r.Invited.Value : null,
                PressureMean = r.PressureMean,
                PressureSd = r.PressureSd,
                SpeakUpMean = r.SpeakUpMean,
                SpeakUpSd = r.SpeakUpSd,
                Items = "{}",
            })), CancellationToken.None);
        }

        var registry = pipeline.Get<InterventionStore>();
        foreach (var planned in world.Planned.Append(new Models.Effects.PlannedIntervention("", Tiny, InterventionTypes.Other, world.Waves[^1])))
        {
            var result = await registry.AddAsync(new InterventionRecord("", planned.Unit, planned.Type, planned.StartWave, InterventionStatuses.Running, "ipim-test", ""), "test", CancellationToken.None);
            Assert.True(result.Outcome == InterventionWriteOutcome.Saved, string.Join("; ", result.Problems.Select(p => p.Message)));
        }

        return (world, all);
    }
}
