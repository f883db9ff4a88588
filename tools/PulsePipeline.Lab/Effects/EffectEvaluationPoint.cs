using System.Globalization;
using PulsePipeline.Lab.Detection;

namespace PulsePipeline.Lab.Effects;

/// <summary>The evaluation as of one wave (last, or part-way) over every world: effects, measures, pooled types, targets.</summary>
public sealed record EffectEvaluationPoint(string Label, IReadOnlyList<EvaluatedEffect> Effects, IReadOnlyList<PooledEvaluation> Pooled)
{
    public static readonly IReadOnlyList<string> Bands = ["n<10", "n 10-19", "n>=20"];

    public EffectMetrics Overall => EffectMetrics.Of("all", Effects);

    public IReadOnlyList<EffectMetrics> ByBand => [.. Bands.Select(b => EffectMetrics.Of(b, [.. Effects.Where(e => e.Band == b)]))];

    public IReadOnlyList<EvaluationTarget> Targets
    {
        get
        {
            var all = Overall;
            var bands = ByBand;
            var pooled = Pooled.Where(p => p.Pooled.IsConclusive).ToList();
            return
            [
                Target($"coverage of the true effect by the 95% interval >= 93% overall ({all.Coverage:0.0%})", all.Coverage >= 0.93),
                Target($"coverage >= 90% in every size band ({string.Join(", ", bands.Select(b => $"{b.Group} {b.Coverage:0.0%}"))})", bands.All(b => b.Coverage >= 0.90 || b.Conclusive == 0)),
                Target($"zero-effect interventions labelled improved/worsened <= 5% ({all.ZeroLabelled:0.0%} of {all.ZeroEffects})", all.ZeroLabelled <= 0.05),
                Target($"bias at zero within ±0.03 per construct (pressure {all.PressureBias:+0.000;-0.000}, speak-up {all.SpeakUpBias:+0.000;-0.000}) while before/after shows its bias (pressure {all.PressureNaiveBias:+0.000;-0.000}, speak-up {all.SpeakUpNaiveBias:+0.000;-0.000})", Math.Abs(all.PressureBias) <= 0.03 && Math.Abs(all.SpeakUpBias) <= 0.03 && Math.Max(Math.Abs(all.PressureNaiveBias), Math.Abs(all.SpeakUpNaiveBias)) > 0.03),
                Target($"inconclusive <= 15% ({all.InconclusiveShare:0.0%})", all.InconclusiveShare <= 0.15),
                Target($"mean interval width <= 1.5x the oracle's ({all.MeanWidth:0.000} vs {all.OracleWidth:0.000}: {all.WidthRatio:0.00}x)", all.WidthRatio <= 1.5),
                Target($"every pooled type's interval covers its true mean ({pooled.Count(p => p.Covered)} of {pooled.Count})", pooled.All(p => p.Covered)),
            ];
        }
    }

    private static EvaluationTarget Target(FormattableString text, bool met) => new(text.ToString(CultureInfo.InvariantCulture), met);
}
