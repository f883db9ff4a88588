using System.Globalization;
using PulsePipeline.Models.Audit;
using PulsePipeline.Models.Interventions;
using PulsePipeline.Models.Plans;
using PulsePipeline.Pipeline.Audit;
using PulsePipeline.Pipeline.Interventions;

namespace PulsePipeline.Pipeline.Plans;

/// <summary>
/// Draws a registered plan and withdraws members of a drawn one. The draw takes a seed from a cryptographic source,
/// computes the cohorts (<see cref="PlanDraw"/>), commits by writing the seed on the plan row under the version read (so
/// of two draws at once one wins and the other is refused), then creates one planned intervention per member with its
/// drawn start wave and the plan's id. A second draw is refused; it only completes interventions a failed first one
/// left out. A withdrawal is recorded on the member and ends its intervention; the member keeps its drawn cohort.
/// </summary>
public sealed class PlanDraws(PlanStore store, PlanEligibility eligibility, InterventionStore interventions, AuditLog audit)
{
    /// <exception cref="ArgumentException"><paramref name="actor"/> cannot be recorded in the audit; nothing is written.</exception>
    public async Task<PlanWriteResult> DrawAsync(string id, AuditActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        AuditLog.CheckActor(actor);
        if (await store.GetRowAsync(id, cancellationToken) is not { } row || await store.GetAsync(id, cancellationToken) is not { } plan)
        {
            return PlanWriteResult.Missing;
        }

        if (plan.Drawing is { } drawn)
        {
            await EnsureInterventionsAsync(plan, actor, cancellationToken);
            return PlanWriteResult.Refused(plan, [PlanRules.AlreadyDrawn(drawn)]);
        }

        var seed = PlanSeeds.NewDrawSeed();
        var members = PlanDraw.Draw(seed, plan.Eligible, plan.StartWaves);
        var problems = await ProblemsAsync(plan, members, cancellationToken);
        if (problems.Count > 0)
        {
            return PlanWriteResult.Refused(plan, problems);
        }

        var drawing = new PlanDrawing(PlanSeeds.Format(seed), actor.Id, actor.Name, audit.Today, members);
        if (!await store.RecordDrawAsync(row, drawing, cancellationToken))
        {
            var current = await store.GetAsync(id, cancellationToken);
            return PlanWriteResult.Refused(current, current?.Drawing is { } other ? [PlanRules.AlreadyDrawn(other)] : []);
        }

        plan = plan with { Drawing = drawing };
        var sizes = string.Join(", ", plan.StartWaves.Select((w, c) => string.Create(CultureInfo.InvariantCulture, $"{w}: {members.Count(m => m.Cohort == c)}")));
        await audit.RecordAsync(actor, AuditActions.PlanDrawn, plan.Id, $"seed {drawing.Seed}; {sizes}", cancellationToken);
        await EnsureInterventionsAsync(plan, actor, cancellationToken);
        return PlanWriteResult.Done(plan);
    }

    /// <exception cref="ArgumentException"><paramref name="actor"/> cannot be recorded in the audit; nothing is written.</exception>
    public async Task<PlanWriteResult> WithdrawAsync(string id, string unit, string reason, AuditActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(reason);
        AuditLog.CheckActor(actor);
        if (await store.GetAsync(id, cancellationToken) is not { } plan)
        {
            return PlanWriteResult.Missing;
        }

        var place = plan.Drawing?.Members.Select(m => m.Unit).ToList().IndexOf(unit) ?? -1;
        var problem = plan.Drawing is null ? PlanRules.NotDrawn
            : place < 0 ? PlanRules.NotMember(unit)
            : plan.Withdrawals.FirstOrDefault(w => w.Unit == unit) is { } done ? PlanRules.AlreadyWithdrawn(done)
            : PlanRules.ReasonProblem(reason);
        if (problem is not null)
        {
            return PlanWriteResult.Refused(plan, [problem]);
        }

        var withdrawal = new PlanWithdrawal(unit, reason.Trim(), actor.Id, actor.Name, audit.Today);
        if (await store.GetMemberAsync(id, unit, cancellationToken) is not { } member || !await store.RecordWithdrawalAsync(member, withdrawal, cancellationToken))
        {
            var current = await store.GetAsync(id, cancellationToken);
            return PlanWriteResult.Refused(current, current?.Withdrawals.FirstOrDefault(w => w.Unit == unit) is { } other ? [PlanRules.AlreadyWithdrawn(other)] : [PlanRules.NotMember(unit)]);
        }

        await audit.RecordAsync(actor, AuditActions.PlanMemberWithdrawn, plan.Id, $"unit {unit}", cancellationToken);
        await interventions.EndAsync(PlanIds.Intervention(plan.Id, place), actor, cancellationToken);
        return PlanWriteResult.Done(plan with { Withdrawals = [.. plan.Withdrawals, withdrawal] });
    }

    /// <summary>Refusals of a draw: a first start wave no longer ahead, members treated since registration, taken start waves.</summary>
    private async Task<List<PlanProblem>> ProblemsAsync(RolloutPlan plan, IReadOnlyList<PlanMember> members, CancellationToken cancellationToken)
    {
        var problems = new List<PlanProblem>();
        if (await eligibility.LatestPublishedAsync(cancellationToken) is { } latest && string.CompareOrdinal(plan.StartWaves[0], latest) <= 0)
        {
            problems.Add(PlanRules.StartNotAhead(plan.StartWaves[0], latest));
        }

        var treated = await eligibility.TreatedAsync(cancellationToken);
        problems.AddRange(members.Where(m => treated.ContainsKey(m.Unit)).Select(m => PlanRules.Treated(m.Unit, treated[m.Unit])));
        var taken = (await interventions.ListAsync(null, cancellationToken)).Select(s => s.Intervention.NaturalKey).ToHashSet();
        problems.AddRange(members.Where(m => !treated.ContainsKey(m.Unit) && taken.Contains((m.Unit, plan.Type, m.StartWave)))
            .Select(m => PlanRules.Treated(m.Unit, $"{plan.Type} from {m.StartWave}")));
        return problems;
    }

    /// <summary>One planned intervention per member, each under its fixed id, so a repeat adds only what is missing.</summary>
    private async Task EnsureInterventionsAsync(RolloutPlan plan, AuditActor actor, CancellationToken cancellationToken)
    {
        var members = plan.Drawing!.Members;
        for (var place = 0; place < members.Count; place++)
        {
            var id = PlanIds.Intervention(plan.Id, place);
            if (await interventions.GetAsync(id, cancellationToken) is not null)
            {
                continue;
            }

            var m = members[place];
            var notes = string.Create(CultureInfo.InvariantCulture, $"Rollout plan {plan.Id}: cohort {m.Cohort + 1} of {plan.Cohorts}, drawn {plan.Drawing.Day:yyyy-MM-dd}.");
            var record = new InterventionRecord(id, m.Unit, plan.Type, m.StartWave, InterventionStatuses.Planned, plan.Owner, notes) { Plan = plan.Id };
            var saved = await interventions.AddAsync(record, actor, cancellationToken);
            if (saved.Outcome != InterventionWriteOutcome.Saved && await interventions.GetAsync(id, cancellationToken) is null)
            {
                throw new InvalidOperationException($"Plan {plan.Id}: the intervention of {m.Unit} was refused: {string.Join("; ", saved.Problems)}");
            }
        }
    }
}
