using Microsoft.Extensions.Logging;
using PulsePipeline.Models.Csv;
using PulsePipeline.Models.Effects;
using PulsePipeline.Models.Messages;
using PulsePipeline.Models.Units;
using PulsePipeline.Pipeline.Detection;
using PulsePipeline.Pipeline.Interventions;
using PulsePipeline.Pipeline.Plans;
using PulsePipeline.Pipeline.Queues;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;
using PulsePipeline.Pipeline.Waves;

namespace PulsePipeline.Pipeline.Effects;

/// <summary>
/// After a wave's detection: estimates every recorded intervention's effect as known at that wave (the same estimator as
/// `pulse effects`), from the published history up to the wave only (never the tallies, never a later wave), stores the
/// effects with at least one post wave and the pooled rows, the rollout plans' effects (<see cref="PlanEstimates"/>), and
/// queues the IPIM digest. The estimator is deterministic and
/// <see cref="EffectStore.WriteAsync"/> rewrites the wave's rows exactly, so a redelivered message leaves the same rows.
/// </summary>
public sealed class EstimateEffectsStep(
    WaveStore waves,
    PublishedHistory history,
    InterventionStore interventions,
    EffectStore effects,
    PlanEstimates plans,
    QueueSender queues,
    ILogger<EstimateEffectsStep> logger)
{
    public async Task HandleAsync(string message, CancellationToken cancellationToken)
    {
        var request = QueueMessages.Parse<WaveMessage>(message);
        var wave = await waves.GetAsync(request.WaveId, cancellationToken);
        if (wave?.State != WaveStates.Published)
        {
            throw new MalformedMessageException("effects are estimated only for a published wave");
        }

        var rows = await history.HistoryUpToAsync(wave.RowKey, cancellationToken);

        // Every status counts: a planned intervention whose start has passed may already show, and an ended one keeps
        // its post waves; either way its unit is no clean comparison. The registry lists them in a fixed order.
        var planned = (await interventions.ListAsync(null, cancellationToken))
            .Select(s => new PlannedIntervention(s.Intervention.Id, s.Intervention.Unit, s.Intervention.Type, s.Intervention.StartWave))
            .ToList();
        var tree = await TreeAsync(wave.RowKey, cancellationToken);

        // The rollout plans' part reads and writes tables of its own, mostly waiting on storage: it runs beside the
        // observational estimate and its writes instead of after them. The digest waits for both.
        var planPart = plans.EstimateAsync(wave.RowKey, rows, cancellationToken);
        var effectPart = Task.Run(
            async () =>
            {
                var estimated = EffectEstimator.Estimate(rows, planned, wave.RowKey, tree);
                await effects.WriteAsync(wave.RowKey, estimated, cancellationToken);
                return estimated;
            },
            cancellationToken);
        await Task.WhenAll(planPart, effectPart);
        var report = await effectPart;
        await queues.SendAsync(StorageNames.AlertsQueue, new WaveMessage(wave.RowKey), cancellationToken);
        var stored = report.Effects.Where(EffectStore.IsStored).ToList();
        logger.LogInformation(
            "Wave {WaveId}: effects of {Interventions} intervention(s) estimated, {Stored} effect(s) with a post wave stored ({Conclusive} conclusive), {Pooled} pooled row(s)",
            wave.RowKey,
            planned.Count,
            stored.Count,
            stored.Count(e => e.IsConclusive),
            report.Pooled.Count);
    }

    /// <summary>The unit tree of the wave's own snapshot (what publication rolled up); null if it does not form one tree.</summary>
    private async Task<UnitTree?> TreeAsync(string waveId, CancellationToken cancellationToken)
    {
        var units = await waves.UnitsAsync(waveId, cancellationToken);
        return UnitTree.TryBuild(units.Select(u => new UnitLink(u.Unit, u.Parent)).ToList(), $"wave {waveId} units", new List<CsvProblem>());
    }
}
