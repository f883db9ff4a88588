using Azure.Data.Tables;
using PulsePipeline.Models.Detection;
using PulsePipeline.Models.Audit;
using PulsePipeline.Models.Interventions;
using PulsePipeline.Models.Plans;
using PulsePipeline.Pipeline.Interventions;
using PulsePipeline.Pipeline.Plans;
using PulsePipeline.Pipeline.Storage;

namespace PulsePipeline.Lab.Bench;

/// <summary>
/// Drawn rollout plans written straight into a seeded history (set-up, like <see cref="EffectHistorySeed"/>): each over
/// units without an intervention, its cohorts starting at the history's waves one apart so that the last cohort starts
/// in the second-to-last wave (the window closes with the last), drawn by the product's <see cref="PlanDraw"/>, and one
/// planned intervention per member recorded through the registry with the plan's id, as a draw records them.
/// </summary>
internal static class PlanHistorySeed
{
    public static async Task<IReadOnlyList<RolloutPlan>> WriteAsync(PulseStorage storage, InterventionStore registry, IReadOnlyList<HistoryRow> rows, int plans, int members, int cohorts, int seed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(rows);
        var waves = rows.Select(r => r.Wave).Distinct().Order(StringComparer.Ordinal).ToList();
        var treated = (await registry.ListAsync(null, cancellationToken)).Select(s => s.Intervention.Unit).ToHashSet(StringComparer.Ordinal);
        var random = new Random(seed);
        var free = rows.Where(r => r.IsPublished).Select(r => r.Unit).Distinct().Where(u => !treated.Contains(u)).Order(StringComparer.Ordinal).ToList();
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(free));
        if (free.Count < plans * members || waves.Count < cohorts + 4)
        {
            throw new ArgumentException($"{plans} plans of {members} units need {plans * members} untreated units and {cohorts + 4} waves; the history has {free.Count} and {waves.Count}");
        }

        var starts = waves.Skip(waves.Count - 1 - cohorts).Take(cohorts).ToList();
        var written = new List<RolloutPlan>();
        for (var p = 0; p < plans; p++)
        {
            var candidates = free.Skip(p * members).Take(members).Select(u => new PlanCandidate(u, "")).ToList();
            var drawSeed = (ulong)random.NextInt64();
            var plan = new RolloutPlan(PlanIds.New(), InterventionTypes.All[p % InterventionTypes.All.Count].Id, candidates, null, starts, PlanStrata.None, ["pressure", "speakup"], "ipim-bench", "bench", "bench", DateOnly.FromDateTime(DateTime.UtcNow))
            {
                Drawing = new PlanDrawing(PlanSeeds.Format(drawSeed), "bench", "bench", DateOnly.FromDateTime(DateTime.UtcNow), PlanDraw.Draw(drawSeed, candidates, starts)),
            };
            await TableBatches.SubmitAsync(storage.Plans, candidates.Select(c => new TableTransactionAction(TableTransactionActionType.UpsertReplace, PlanRows.ToMember(plan.Id, c))), cancellationToken);
            await storage.Plans.UpsertEntityAsync(PlanRows.ToEntity(plan), cancellationToken: cancellationToken);
            foreach (var (m, place) in plan.Drawing.Members.Select((m, i) => (m, i)))
            {
                var record = new InterventionRecord(PlanIds.Intervention(plan.Id, place), m.Unit, plan.Type, m.StartWave, InterventionStatuses.Planned, plan.Owner, "") { Plan = plan.Id };
                var result = await registry.AddAsync(record, AuditActors.CommandLine("bench"), cancellationToken);
                if (result.Outcome != InterventionWriteOutcome.Saved)
                {
                    throw new InvalidOperationException(string.Join("; ", result.Problems.Select(x => x.Message)));
                }
            }

            written.Add(plan);
        }

        return written;
    }
}
