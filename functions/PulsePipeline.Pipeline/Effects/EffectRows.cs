using PulsePipeline.Models.Effects;
using PulsePipeline.Models.Instrument;
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
            MoreWavesNeeded = e.Missing.MoreWaves,
            PreWavesMissing = e.Missing.PreWaves,
            ComparisonUnitsMissing = e.Missing.ComparisonUnits,
            ComparisonWindowsMissing = e.Missing.ComparisonWindows,
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
            Reason = p.Reason.ToString(),
            UnitsMissing = p.Missing.Units,
            BetweenUnitSd = p.BetweenUnitSd,
            Inconclusive = p.Inconclusive,
        };
    }

    /// <summary>A stored unit row back as the estimator's effect (the digest and pages word it in their reader's language).</summary>
    public static InterventionEffect ToEffect(EffectEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var intervention = new PlannedIntervention(row.InterventionId, row.Unit, row.Type, row.StartWave);
        var post = row.PostWaveIds.Length == 0 ? [] : row.PostWaveIds.Split(',');
        return new InterventionEffect(intervention, ConstructOf(row.Construct), post, row.PreWaves, row.Estimate, row.CiLow, row.CiHigh, EffectWords.VerdictOf(row.Verdict), EffectWords.ReasonOf(row.Reason))
        {
            Missing = MissingOf(row),
            ObservedDeviation = row.ObservedDeviation,
            CounterfactualDeviation = row.CounterfactualDeviation,
            BeforeAfter = row.BeforeAfter,
            StandardError = row.StandardError,
            ComparisonUnits = row.ComparisonUnits,
            Placebos = row.Placebos,
            MedianRespondents = row.MedianRespondents,
        };
    }

    /// <summary>A stored pooled row back as the estimator's pooled effect.</summary>
    public static PooledEffect ToPooled(EffectEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new PooledEffect(row.Type, ConstructOf(row.Construct), row.PostWaves, row.Estimate, row.CiLow, row.CiHigh, EffectWords.VerdictOf(row.Verdict))
        {
            Reason = EffectWords.ReasonOf(row.Reason),
            Missing = MissingOf(row),
            BetweenUnitSd = row.BetweenUnitSd,
            Inconclusive = row.Inconclusive,
        };
    }

    /// <summary>The stored counts behind an inconclusive row's words, for every reader that words it.</summary>
    public static EffectShortfall MissingOf(EffectEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new EffectShortfall(row.MoreWavesNeeded, row.PreWavesMissing, row.ComparisonUnitsMissing, row.ComparisonWindowsMissing, row.UnitsMissing);
    }

    private static Construct ConstructOf(string id) => EffectEstimator.Constructs.First(c => EffectWords.Id(c) == id);
}
