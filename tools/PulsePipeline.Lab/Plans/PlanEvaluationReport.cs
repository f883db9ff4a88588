using System.Globalization;
using PulsePipeline.Lab.Detection;
using PulsePipeline.Models.Effects;
using PulsePipeline.Models.Effects.Plans;
using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Lab.Plans;

/// <summary>What `pulse evaluate-plans` measured, its figures and its targets (issue 22).</summary>
public sealed record PlanEvaluationReport(
    PlanEvaluationSettings Settings,
    PlanSettings Estimator,
    IReadOnlyList<EvaluatedPlan> Plans,
    IReadOnlyList<ShiftedPlan> Shifted,
    int Skipped,
    TimeSpan SimulationTime,
    TimeSpan EstimationTime)
{
    public IReadOnlyList<EvaluatedPlan> Conclusive => [.. Plans.Where(p => p.Effect.IsConclusive)];

    public IReadOnlyList<EvaluatedPlan> Zero => [.. Conclusive.Where(p => p.Plan.Effects.Values.All(e => e == (0, 0)))];

    public double Coverage => Share(Conclusive, p => p.Covered);

    public double ZeroLabelled => Share(Zero, p => p.Labelled);

    public double Bias(Construct construct) => Mean(Zero.Where(p => p.Effect.Construct == construct).Select(p => p.Effect.Estimate!.Value));

    public double MeanWidth => Mean(Conclusive.Select(p => p.Width));

    public double OracleWidth => Mean(Conclusive.Select(p => p.OracleWidth));

    public double WidthRatio => MeanWidth / OracleWidth;

    public double FloorRatio => Mean(Conclusive.Select(p => p.FloorWidth)) / OracleWidth;

    public double BaselineFloorRatio => Mean(Conclusive.Select(p => p.BaselineFloorWidth)) / OracleWidth;

    /// <summary>
    /// The width a 95% interval centred on the estimate needs to cover the truth if the errors were normal: 2 × 1.96 ×
    /// their root mean square. Beside the mean width it shows whether the interval is wide because the estimate errs that
    /// much or because the test is conservative.
    /// </summary>
    public static double ErrorWidth(IReadOnlyCollection<EvaluatedPlan> plans) => 2 * PlanEvaluation.Z95 * Math.Sqrt(Mean(plans.Select(p => p.SquaredError)));

    public double InconclusiveShare => Plans.Count == 0 ? double.NaN : 1 - (double)Conclusive.Count / Plans.Count;

    /// <summary>Share labelled improved among plans of <paramref name="size"/> members with a constant true effect of <paramref name="effect"/>.</summary>
    public (double Power, int Count) Power(int size, double effect)
    {
        var plans = Plans.Where(p => p.Plan.Size == size && p.Plan.Effects.Values.All(e => e == (effect, effect))).ToList();
        return (Share(plans, p => p.Effect.Verdict == EffectVerdict.Improved), plans.Count);
    }

    public double ShiftedBias(Construct construct, bool plan) =>
        Mean(Shifted.Where(s => s.Plan.Construct == construct).Select(s => plan ? s.PlanError : s.ObservationalError).OfType<double>());

    public IReadOnlyList<EvaluationTarget> Targets =>
    [
        Target($"coverage of the true plan effect by the 95% interval >= 93% ({Coverage:0.0%} of {Conclusive.Count})", Coverage >= 0.93),
        Target($"zero-effect plans labelled improved/worsened <= 5% ({ZeroLabelled:0.0%} of {Zero.Count})", ZeroLabelled <= 0.05),
        Target($"bias at zero within ±0.03 per construct (pressure {Bias(Construct.Pressure):+0.000;-0.000}, speak-up {Bias(Construct.SpeakUp):+0.000;-0.000})", Math.Abs(Bias(Construct.Pressure)) <= 0.03 && Math.Abs(Bias(Construct.SpeakUp)) <= 0.03),
        Target($"mean interval width <= 1.5x the oracle's ({MeanWidth:0.000} vs {OracleWidth:0.000}: {WidthRatio:0.00}x)", WidthRatio <= 1.5),
        Target($"with an unobserved shift in the members, the plan row stays unbiased (within ±0.03: pressure {ShiftedBias(Construct.Pressure, true):+0.000;-0.000}, speak-up {ShiftedBias(Construct.SpeakUp, true):+0.000;-0.000}) where the observational pooled row is not (pressure {ShiftedBias(Construct.Pressure, false):+0.000;-0.000}, speak-up {ShiftedBias(Construct.SpeakUp, false):+0.000;-0.000})", Shifted.Count > 0 && Math.Abs(ShiftedBias(Construct.Pressure, true)) <= 0.03 && Math.Abs(ShiftedBias(Construct.SpeakUp, true)) <= 0.03 && Math.Abs(ShiftedBias(Construct.Pressure, false)) > 0.03 && Math.Abs(ShiftedBias(Construct.SpeakUp, false)) > 0.03),
    ];

    public bool Passed => Targets.All(t => t.Met);

    internal static double Share<T>(IReadOnlyCollection<T> items, Func<T, bool> test) => items.Count == 0 ? double.NaN : (double)items.Count(test) / items.Count;

    internal static double Mean(IEnumerable<double> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? double.NaN : list.Average();
    }

    private static EvaluationTarget Target(FormattableString text, bool met) => new(text.ToString(CultureInfo.InvariantCulture), met);
}
