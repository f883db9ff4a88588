using Azure.Data.Tables;
using PulsePipeline.Models.Csv;
using PulsePipeline.Models.Detection;
using PulsePipeline.Models.Effects;
using PulsePipeline.Models.Messages;
using PulsePipeline.Models.Units;
using PulsePipeline.Pipeline.Detection;
using PulsePipeline.Pipeline.Effects;
using PulsePipeline.Pipeline.Interventions;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;

namespace PulsePipeline.Lab.Bench;

/// <summary>
/// `pulse bench effects`: the effect estimator over a long published history (U units × W waves, I interventions), in
/// three halves alternated round by round after a warm-up: raw, the storage reads the EstimateEffects step makes (the
/// wave list, every published wave's rows, the registry, the latest wave's unit snapshot) issued straight through the
/// SDK; the estimator alone (pure) over the rows of that raw read; and the step end to end (read, estimate, write the
/// effect rows, queue the digest). The history is seeded straight to storage (<see cref="EffectHistorySeed"/>).
/// </summary>
internal static class EffectsBench
{
    public static async Task<int> RunAsync(int units, int waves, int interventions, int rounds, int seed, CancellationToken cancellationToken)
    {
        BenchOutput.Heading($"pulse bench effects: {units} units, {waves} waves, {interventions} interventions; {rounds} rounds after a warm-up");
        await using var session = await BenchSession.StartAsync(cancellationToken);
        var storage = session.Storage;
        var seeding = await Stage.RunAsync("seed (set-up, not measured)", "rows", async () =>
            (await EffectHistorySeed.WriteAsync(storage, session.Get<InterventionStore>(), units, waves, seed, interventions, cancellationToken: cancellationToken)).Rows.Count);
        var ids = (await session.Get<PublishedHistory>().WavesUpToAsync("~", cancellationToken)).ToList();
        var message = QueueMessages.Serialize(new WaveMessage(ids[^1]));
        var step = session.Get<EstimateEffectsStep>();
        RawEffectsInput? read = null;
        EffectReport? report = null;
        var results = await Alternation.RunAsync(rounds,
        [
            new("raw: the step's reads (SDK)", "rows", async _ =>
            {
                read = await RawEffectsInput.ReadAsync(storage, ids[^1], cancellationToken);
                return read.Rows.Count;
            }),
            new("estimator (pure)", "rows", _ =>
            {
                report = EffectEstimator.Estimate(read!.Rows, read.Interventions, ids[^1], read.Tree);
                return Task.FromResult((long)read.Rows.Count);
            }),
            new("EstimateEffects step", "rows", async _ =>
            {
                await step.HandleAsync(message, cancellationToken);
                return read!.Rows.Count;
            }),
        ]);

        var stored = (await session.Get<EffectStore>().ReadAsync(ids[^1], cancellationToken)).Count;
        var expected = report!.Effects.Count(EffectStore.IsStored) + report.Pooled.Count;
        Console.WriteLine($"    {seeding.Items} published rows, {read!.Interventions.Count} interventions; {report.Effects.Count} effects estimated, {stored} effect rows stored as of {ids[^1]} ({report.Effects.Count(e => e.IsConclusive)} conclusive)");
        if (stored != expected)
        {
            throw new InvalidOperationException($"the step stored {stored} effect rows where the estimator gives {expected}");
        }

        Alternation.ReportTimes("estimator vs the raw reads", results, half: 1, raw: 0);
        Alternation.ReportTimes("EstimateEffects step vs the raw reads", results, half: 2, raw: 0);
        return 0;
    }

    /// <summary>What the step reads, read without it: the same queries through the SDK, mapped to the estimator's input.</summary>
    private sealed record RawEffectsInput(IReadOnlyList<HistoryRow> Rows, IReadOnlyList<PlannedIntervention> Interventions, UnitTree? Tree)
    {
        public static async Task<RawEffectsInput> ReadAsync(PulseStorage storage, string asOf, CancellationToken cancellationToken)
        {
            var waves = await storage.Waves.QueryAsync<WaveEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {WaveEntity.Partition}"), cancellationToken: cancellationToken).ToListAsync(cancellationToken);
            var rows = new List<HistoryRow>();
            foreach (var wave in waves.Where(w => w.State == WaveStates.Published && string.CompareOrdinal(w.RowKey, asOf) <= 0).Select(w => w.RowKey).Order(StringComparer.Ordinal))
            {
                await foreach (var row in storage.Published.QueryAsync<PublishedEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {wave}"), cancellationToken: cancellationToken))
                {
                    rows.Add(PublishedHistory.ToHistory(row));
                }
            }

            var interventions = await storage.Interventions.QueryAsync<InterventionEntity>(InterventionEntity.AllRowsFilter, cancellationToken: cancellationToken)
                .Select(e => new PlannedIntervention(e.RowKey[InterventionEntity.RowPrefix.Length..], e.Unit, e.Type, e.StartWave))
                .OrderBy(i => i.Unit, StringComparer.Ordinal).ThenBy(i => i.StartWave, StringComparer.Ordinal).ThenBy(i => i.Type, StringComparer.Ordinal).ThenBy(i => i.Id, StringComparer.Ordinal)
                .ToListAsync(cancellationToken);
            var units = await storage.WaveUnits.QueryAsync<WaveUnitEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {asOf}"), cancellationToken: cancellationToken).ToListAsync(cancellationToken);
            var tree = UnitTree.TryBuild([.. units.Select(u => new UnitLink(u.Unit, u.Parent))], "units", new List<CsvProblem>());
            return new RawEffectsInput(rows, interventions, tree);
        }
    }
}
