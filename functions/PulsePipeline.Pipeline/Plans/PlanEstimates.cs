using Microsoft.Extensions.Logging;
using PulsePipeline.Models.Detection;
using PulsePipeline.Models.Effects.Plans;

namespace PulsePipeline.Pipeline.Plans;

/// <summary>
/// The effects step's part for rollout plans: every drawn plan's design-based effect as known at the wave (the same
/// estimator as `pulse effects`), from its drawn cohorts and strata (withdrawn members included: intention to treat).
/// </summary>
public sealed class PlanEstimates(PlanStore plans, PlanEffectStore effects, ILogger<PlanEstimates> logger)
{
    public async Task EstimateAsync(string waveId, IReadOnlyList<HistoryRow> history, CancellationToken cancellationToken)
    {
        var drawn = (await plans.ListAsync(cancellationToken)).Where(p => p.Drawing is not null).OrderBy(p => p.Id, StringComparer.Ordinal).Select(PlanDesigns.Of).ToList();
        if (drawn.Count == 0)
        {
            return;
        }

        var estimated = PlanEstimator.Estimate(history, drawn, waveId);
        await effects.WriteAsync(waveId, estimated, cancellationToken);
        logger.LogInformation("Wave {WaveId}: {Plans} rollout plan(s) estimated, {Conclusive} conclusive effect(s)", waveId, drawn.Count, estimated.Count(e => e.IsConclusive));
    }
}
