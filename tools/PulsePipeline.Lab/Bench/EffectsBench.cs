using Azure.Data.Tables;
using PulsePipeline.Models.Csv;
using PulsePipeline.Models.Detection;
using PulsePipeline.Models.Effects;
using PulsePipeline.Models.Effects.Plans;
using PulsePipeline.Models.Plans;
using PulsePipeline.Models.Messages;
using PulsePipeline.Models.Units;
using PulsePipeline.Pipeline.Detection;
using PulsePipeline.Pipeline.Effects;
using PulsePipeline.Pipeline.Interventions;
using PulsePipeline.Pipeline.Plans;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;

namespace PulsePipeline.Lab.Bench;

/// <summary>
/// `pulse bench effects`: the effect estimator over a long published history (U units × W waves, I interventions, and P
/// drawn rollout plans of M members each), in four halves alternated round by round after a warm-up: raw, the storage
/// reads the EstimateEffects step makes (the wave list, every published wave's rows, the registry, the latest wave's
/// unit snapshot, the plans and their members) issued straight through the SDK; the observational estimator alone (pure)
/// over the rows of that raw read; the plan estimator alone (pure) over the same rows and the drawn plans; and the step
/// end to end (read, estimate both, write the effect rows and the plans' rows, queue the digest). The history is seeded
/// straight to storage (<see cref="EffectHistorySeed"/>, <see cref="PlanHistorySeed"/>).
/// </summary>
internal static class EffectsBench
{
    /// <summary>Cohorts of every seeded plan: within the 2–5 the plan evaluation draws.</summary>
    public const int PlanCohorts = 3;

    public static async Task<int> RunAsync(int units, int waves, int interventions, int plans, int planMembers, int rounds, int seed, CancellationToken cancellationToken)
    {
        BenchOutput.Heading($"pulse bench effects: {units} units, {waves} waves, {interventions} interventions, {plans} rollout plans of {planMembers} members; {rounds} rounds after a warm-up");
        await using var session = await BenchSession.StartAsync(cancellationToken);
        var storage = session.Storage;
        var seeding = await Stage.RunAsync("seed (set-up, not measured)", "rows", async () =>
        {
            var registry = session.Get<InterventionStore>();
            var (_, rows) = await EffectHistorySeed.WriteAsync(storage, registry, units, waves, seed, interventions, cancellationToken: cancellationToken);
            await PlanHistorySeed.WriteAsync(storage, registry, rows, plans, planMembers, PlanCohorts, seed, cancellationToken);
            return rows.Count;
        });
        var ids = (await session.Get<PublishedHistory>().WavesUpToAsync("~", cancellationToken)).ToList();
        var message = QueueMessages.Serialize(new WaveMessage(ids[^1]));
        var step = session.Get<EstimateEffectsStep>();
        RawEffectsInput? read = null;
        EffectReport? report = null;
        IReadOnlyList<PlanEffect>? planEffects = null;
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
            new("plan estimator (pure)", "rows", _ =>
            {
                planEffects = PlanEstimator.Estimate(read!.Rows, read.Plans, ids[^1]);
                return Task.FromResult((long)read.Rows.Count);
            }),
            new("EstimateEffects step", "rows", async _ =>
            {
                await step.HandleAsync(message, cancellationToken);
                return read!.Rows.Count;
            }),
        ]);

        await CheckStoredAsync(session, ids[^1], seeding.Items, read!, report!, planEffects!, cancellationToken);
        Alternation.ReportTimes("estimator vs the raw reads", results, half: 1, raw: 0, atMost: 2);
        Alternation.ReportTimes("plan estimator vs the raw reads", results, half: 2, raw: 0, atMost: 2);
        Alternation.ReportTimes("EstimateEffects step vs the raw reads", results, half: 3, raw: 0, atMost: 2);
        return 0;
    }

    /// <summary>What the step stored is what the estimators give: else the bench timed something else, and fails.</summary>
    private static async Task CheckStoredAsync(BenchSession session, string asOf, long seeded, RawEffectsInput read, EffectReport report, IReadOnlyList<PlanEffect> planEffects, CancellationToken cancellationToken)
    {
        var stored = (await session.Get<EffectStore>().ReadAsync(asOf, cancellationToken)).Count;
        var expected = report.Effects.Count(EffectStore.IsStored) + report.Pooled.Count;
        var storedPlans = await session.Get<PlanEffectStore>().ReadAsync(asOf, cancellationToken);
        Console.WriteLine($"    {seeded} published rows, {read.Interventions.Count} interventions ({read.Plans.Sum(p => p.Members.Count)} of them in {read.Plans.Count} plans); {report.Effects.Count} effects estimated, {stored} effect rows stored as of {asOf} ({report.Effects.Count(e => e.IsConclusive)} conclusive); {storedPlans.Count} plan effects stored ({storedPlans.Count(e => e.IsConclusive)} conclusive, {planEffects.Sum(e => e.Members)} members counted)");
        if (stored != expected)
        {
            throw new InvalidOperationException($"the step stored {stored} effect rows where the estimator gives {expected}");
        }

        if (storedPlans.Count != planEffects.Count || storedPlans.Zip(planEffects).Any(p => p.First.Estimate != p.Second.Estimate))
        {
            throw new InvalidOperationException($"the step stored {storedPlans.Count} plan effects where the plan estimator gives {planEffects.Count}, or other figures");
        }
    }

    /// <summary>What the step reads, read without it: the same queries through the SDK, mapped to the estimator's input.</summary>
    private sealed record RawEffectsInput(IReadOnlyList<HistoryRow> Rows, IReadOnlyList<PlannedIntervention> Interventions, UnitTree? Tree, IReadOnlyList<PlanDesign> Plans)
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
            var plans = await storage.Plans.QueryAsync<PlanEntity>(TableClient.CreateQueryFilter($"RowKey eq {PlanEntity.Row}"), cancellationToken: cancellationToken).ToListAsync(cancellationToken);
            var members = (await storage.Plans.QueryAsync<PlanMemberEntity>(TableClient.CreateQueryFilter($"RowKey ge {PlanMemberEntity.RowPrefix} and RowKey lt {"m}"}"), cancellationToken: cancellationToken).ToListAsync(cancellationToken))
                .ToLookup(m => m.PartitionKey, StringComparer.Ordinal);
            var drawn = plans.Select(p => PlanRows.ToPlan(p, [.. members[p.PartitionKey]])).OfType<RolloutPlan>().Where(p => p.Drawing is not null)
                .OrderBy(p => p.Id, StringComparer.Ordinal).Select(PlanDesigns.Of).ToList();
            return new RawEffectsInput(rows, interventions, tree, drawn);
        }
    }
}
