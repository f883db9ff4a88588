using PulsePipeline.Models.Alerts;
using PulsePipeline.Models.Plans;

namespace PulsePipeline.Pipeline.Plans;

/// <summary>
/// What the IPIM digest says about rollout plans: each plan whose window closed with this wave (its effects are final;
/// reported once: it was still open at the previous published wave), and per unit the plans it is eligible for (not
/// drawn yet) or waits in (drawn, its start still ahead), mentioned beside a raised unit's suggestions.
/// </summary>
public sealed class DigestPlans(PlanStore plans, PlanEffectStore effects)
{
    public async Task<(IReadOnlyList<DigestPlan> Closed, IReadOnlyDictionary<string, IReadOnlyList<PlanMention>> Mentions)> ChooseAsync(string waveId, IReadOnlyList<string> waveIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(waveIds);
        var all = (await plans.ListAsync(cancellationToken)).ToDictionary(p => p.Id, StringComparer.Ordinal);
        if (all.Count == 0)
        {
            return ([], new Dictionary<string, IReadOnlyList<PlanMention>>());
        }

        var closedBefore = waveIds.Count > 1
            ? (await effects.ReadAsync(waveIds[^2], cancellationToken)).Where(e => e.WindowClosed).Select(e => e.Plan).ToHashSet(StringComparer.Ordinal)
            : [];
        var closed = (await effects.ReadAsync(waveId, cancellationToken))
            .Where(e => e.WindowClosed && !closedBefore.Contains(e.Plan) && all.ContainsKey(e.Plan))
            .GroupBy(e => e.Plan, StringComparer.Ordinal)
            .Select(g => new DigestPlan(g.Key, all[g.Key].Type, all[g.Key].LastStartWave, [.. g]))
            .ToList();
        var mentions = all.Values.OrderBy(p => p.Id, StringComparer.Ordinal).SelectMany(p => Mentions(p, waveId))
            .GroupBy(m => m.Unit, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<PlanMention>)[.. g.Select(m => m.Mention)], StringComparer.Ordinal);
        return (closed, mentions);
    }

    private static IEnumerable<(string Unit, PlanMention Mention)> Mentions(RolloutPlan plan, string waveId) =>
        plan.Drawing is { } drawing
            ? drawing.Members.Where(m => string.CompareOrdinal(m.StartWave, waveId) > 0 && !plan.IsWithdrawn(m.Unit)).Select(m => (m.Unit, new PlanMention(plan.Id, plan.Type, m.StartWave)))
            : plan.Eligible.Select(c => (c.Unit, new PlanMention(plan.Id, plan.Type, "")));
}
