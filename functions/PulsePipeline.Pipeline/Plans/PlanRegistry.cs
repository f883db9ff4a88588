using Microsoft.Extensions.Options;
using PulsePipeline.Models.Audit;
using PulsePipeline.Models.Plans;
using PulsePipeline.Pipeline.Audit;
using PulsePipeline.Pipeline.Configuration;
using PulsePipeline.Pipeline.Interventions;

namespace PulsePipeline.Pipeline.Plans;

/// <summary>
/// Registers rollout plans for `pulse plans add` and the workspace (editors): the eligible units (given, or the default),
/// the cohorts' start waves from the wave schedule, the strata labels, every rule of <see cref="PlanRules"/>, then the
/// plan and an audit row. Drawing and withdrawing are <see cref="PlanDraws"/>.
/// </summary>
public sealed class PlanRegistry(PlanStore store, PlanEligibility eligibility, KnownUnits units, AuditLog audit, IOptions<PulseOptions> options)
{
    /// <exception cref="ArgumentException"><paramref name="actor"/> cannot be recorded in the audit; nothing is written.</exception>
    public async Task<PlanWriteResult> RegisterAsync(PlanRequest request, AuditActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        AuditLog.CheckActor(actor);
        var problems = new List<PlanProblem>();
        var eligible = request.Units ?? await eligibility.DefaultUnitsAsync(cancellationToken);
        var cohorts = request.StartWaves?.Count ?? PlanDraw.Cohorts(eligible.Count, request.Capacity, request.Cohorts);
        var latest = await eligibility.LatestPublishedAsync(cancellationToken);
        var starts = request.StartWaves ?? (request.FirstStartWave is { } first && cohorts >= 1 ? PlanSchedule.StartWaves(options.Value.WaveSchedule, first, cohorts) : null);
        if (starts is null || (latest is not null && starts.Count > 0 && string.CompareOrdinal(starts[0], latest) <= 0))
        {
            problems.Add(PlanRules.StartNotAhead(request.FirstStartWave ?? (request.StartWaves is [var w, ..] ? w : ""), latest));
        }

        var strata = PlanStrata.IsKnown(request.Strata) ? request.Strata : PlanStrata.None;
        var candidates = await eligibility.CandidatesAsync(eligible, strata, cancellationToken);
        var plan = new RolloutPlan(PlanIds.New(), request.Type, candidates, request.Capacity, starts ?? [], request.Strata, request.Constructs, request.Owner, actor.Id, actor.Name, audit.Today);
        problems.AddRange(PlanRules.Check(plan).Where(p => starts is not null || p.Field != PlanFields.FirstStartWave));
        if (problems.Count == 0)
        {
            problems.AddRange(await UnitProblemsAsync(eligible, cancellationToken));
        }

        if (problems.Count > 0)
        {
            return PlanWriteResult.Refused(null, problems);
        }

        await store.AddAsync(plan, cancellationToken);
        await audit.RecordAsync(actor, AuditActions.PlanRegistered, plan.Id, $"{plan.Type}; {plan.Eligible.Count} units; {plan.Cohorts} cohorts from {plan.StartWaves[0]}; strata {plan.Strata}", cancellationToken);
        return PlanWriteResult.Done(plan);
    }

    /// <summary>Each unit must be known (roster or a published wave) and not treated already.</summary>
    private async Task<IEnumerable<PlanProblem>> UnitProblemsAsync(IReadOnlyList<string> eligible, CancellationToken cancellationToken)
    {
        var known = await units.LoadAsync(cancellationToken);
        var treated = await eligibility.TreatedAsync(cancellationToken);
        return eligible.Where(u => !known.Contains(u)).Select(PlanRules.UnknownUnit)
            .Concat(eligible.Where(treated.ContainsKey).Select(u => PlanRules.Treated(u, treated[u])));
    }
}
