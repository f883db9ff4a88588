using PulsePipeline.Models.Effects;
using PulsePipeline.Pipeline.Storage.Entities;

namespace PulsePipeline.Pipeline.Effects;

/// <summary>The mapping between the estimator's report and the stored rows, in one place.</summary>
public static class EffectRows
{
    public static EffectEntity From(string asOfWave, InterventionEffect e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var construct = EffectWords.Id(e.Construct);
        return new EffectEntity
        {
            PartitionKey = asOfWave,
            RowKey = EffectEntity.UnitRow(e.Intervention.Id, construct),
            Unit = e.Intervention.Unit,
            InterventionId = e.Intervention.Id,
            Type = e.Intervention.Type,
            StartWave = e.Intervention.StartWave,
            Construct = construct,
            PostWaves = e.PostWaves.Count,
            PostWaveIds = string.Join(',', e.PostWaves),
            PreWaves = e.PreWaves,
            Estimate = e.Estimate,
            CiLow = e.CiLow,
            CiHigh = e.CiHigh,
            StandardError = e.StandardError,
            Verdict = EffectWords.Id(e.Verdict),
            Reason = e.Reason.ToString(),
            ReasonText = e.ReasonText,
            ConclusiveWhen = e.ConclusiveWhen,
            ObservedDeviation = e.ObservedDeviation,
            CounterfactualDeviation = e.CounterfactualDeviation,
            BeforeAfter = e.BeforeAfter,
            ComparisonUnits = e.ComparisonUnits,
            Placebos = e.Placebos,
            MedianRespondents = e.MedianRespondents,
        };
    }

    public static EffectEntity From(string asOfWave, PooledEffect p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var construct = EffectWords.Id(p.Construct);
        return new EffectEntity
        {
            PartitionKey = asOfWave,
            RowKey = EffectEntity.PooledRow(p.Type, construct),
            Unit = "*",
            Type = p.Type,
            Construct = construct,
            PostWaves = p.Units,
            Estimate = p.Estimate,
            CiLow = p.CiLow,
            CiHigh = p.CiHigh,
            Verdict = EffectWords.Id(p.Verdict),
            Reason = p.IsConclusive ? nameof(InconclusiveReason.None) : EffectReasonTexts.TooFewUnits,
            ReasonText = p.ReasonText,
            BetweenUnitSd = p.BetweenUnitSd,
            Inconclusive = p.Inconclusive,
        };
    }
}
