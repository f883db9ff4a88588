using PulsePipeline.Models.Audit;
using PulsePipeline.Models.Effects;
using PulsePipeline.Models.Plans;
using PulsePipeline.Models.Roster;
using PulsePipeline.Pipeline.Plans;

namespace PulsePipeline.Lab.Demo;

/// <summary>
/// The demo's IPIM runs one randomised rollout plan, through the real registry (<see cref="PlanRegistry"/>, then
/// <see cref="PlanDraws"/>, as `pulse plans add` and `pulse plans draw` do, actor "demo"): after the wave in which the
/// rollout's departments were spiked, it takes the default eligible units (flagged in that wave, without a planned or
/// running intervention), keeps the departments (a flagged parent's figures contain its flagged department's, so both in
/// one plan would compare a unit with itself), registers a plan of two cohorts starting the next two waves, and draws it.
/// The draw creates the members' planned interventions; from then on the simulated employees of a member answer with
/// the plan's planted effect from its drawn start wave.
/// </summary>
internal sealed class DemoRollout(PlanEligibility eligibility, PlanRegistry registry, PlanDraws draws)
{
    public const int Cohorts = 2;

    /// <returns>The planting with the drawn members' starts, and the drawn plan (null when none was registered).</returns>
    public async Task<(DemoPlan Plan, RolloutPlan? Drawn)> RunAsync(DemoPlan plan, IReadOnlyList<RosterUnit> units, int number, int waves, CancellationToken cancellationToken)
    {
        if (plan.Rollout is not { } rollout || number != DemoPlan.EffectsOnset)
        {
            return (plan, null);
        }

        if (number == waves)
        {
            Console.WriteLine("  The rollout plan's departments were flagged in the last wave: no wave is left to start a plan in, none registered.");
            return (plan, null);
        }

        var parents = units.Where(u => u.Parent is not null).Select(u => u.Parent!).ToHashSet(StringComparer.Ordinal);
        var flagged = await eligibility.DefaultUnitsAsync(cancellationToken);
        var eligible = flagged.Where(u => !parents.Contains(u)).ToList();
        var actor = AuditActors.CommandLine(DemoInterventions.Owner);
        var request = new PlanRequest(rollout.Type, eligible, null, null, null, [.. Enumerable.Range(number + 1, Cohorts).Select(DemoRun.WaveId)], PlanStrata.None, [.. EffectEstimator.Constructs.Select(EffectWords.Id)], DemoInterventions.Owner);
        var registered = await registry.RegisterAsync(request, actor, cancellationToken);
        if (!registered.Saved)
        {
            Console.WriteLine($"  IPIM cannot register the rollout plan over the {eligible.Count} flagged department(s) without an intervention: {string.Join("; ", registered.Problems.Select(p => p.English))}.");
            return (plan, null);
        }

        var drawn = await draws.DrawAsync(registered.Plan!.Id, actor, cancellationToken);
        if (!drawn.Saved || drawn.Plan!.Drawing is not { } drawing)
        {
            throw new InvalidOperationException($"The demo's rollout plan {registered.Plan.Id} was not drawn: {string.Join("; ", drawn.Problems.Select(p => p.English))}");
        }

        Console.WriteLine($"  IPIM registers rollout plan {drawn.Plan.Id}: {rollout.Type} in the {eligible.Count} flagged departments without an intervention");
        Console.WriteLine($"  (of {flagged.Count} flagged units without one), {Cohorts} cohorts a wave apart; drawn by lot (seed {drawing.Seed}):");
        foreach (var cohort in drawing.Members.GroupBy(m => m.StartWave, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"    from wave {cohort.Key}: {string.Join(", ", cohort.Select(m => m.Unit).Order(StringComparer.Ordinal))}");
            plan = cohort.Aggregate(plan, (p, m) => p.WithPlanStart(m.Unit, DemoRun.WaveNumber(m.StartWave)));
        }

        return (plan, drawn.Plan);
    }
}
