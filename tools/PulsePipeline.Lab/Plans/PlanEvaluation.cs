using System.Diagnostics;
using PulsePipeline.Models.Detection;
using PulsePipeline.Models.Effects;
using PulsePipeline.Models.Effects.Plans;
using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Lab.Plans;

/// <summary>
/// Runs the plan estimator on seeded stepped-wedge worlds and sets each estimate beside its truth and its oracle
/// (docs/PLANS.md), then runs plan and observational estimator side by side where members share an unobserved shift.
/// </summary>
public static class PlanEvaluation
{
    public static PlanEvaluationReport Run(PlanEvaluationSettings settings, PlanSettings? estimator = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        estimator ??= PlanSettings.Default;
        var evaluated = new List<EvaluatedPlan>();
        var simulation = new Stopwatch();
        var estimation = new Stopwatch();
        var skipped = 0;
        for (var w = 0; w < settings.Worlds; w++)
        {
            simulation.Start();
            var world = PlanWorldSimulator.Simulate(settings.World, settings.Seed + w, w * settings.World.PlanWaves.Count);
            simulation.Stop();
            skipped += settings.World.PlanWaves.Count - world.Plans.Count;
            estimation.Start();
            var effects = PlanEstimator.Estimate(world.Rows, [.. world.Plans.Select(p => p.Design)], null, estimator);
            estimation.Stop();
            evaluated.AddRange(effects.Select((e, i) => Evaluate(w, world, world.Plans[i / 2], e, estimator)));
        }

        var shifted = new List<ShiftedPlan>();
        for (var w = 0; w < settings.ShiftedWorlds; w++)
        {
            var world = PlanWorldSimulator.Simulate(settings.Shifted, settings.Seed + 10_000 + w, w);
            shifted.AddRange(world.Plans.SelectMany(p => Shifted(w, world, p, estimator)));
        }

        return new PlanEvaluationReport(settings, estimator, evaluated, shifted, skipped, simulation.Elapsed, estimation.Elapsed);
    }

    private static EvaluatedPlan Evaluate(int w, PlanWorld world, SimulatedPlan plan, PlanEffect effect, PlanSettings estimator)
    {
        var c = effect.Construct == Construct.Pressure ? 0 : 1;
        var waveIndex = world.Waves.Select((x, i) => (x, i)).ToDictionary(p => p.x, p => p.i, StringComparer.Ordinal);
        var rows = world.Rows.Where(r => r.IsPublished).ToDictionary(r => (r.Wave, r.Unit));
        double truth = 0, noise = 0;
        foreach (var member in effect.Counted)
        {
            var start = waveIndex[member.StartWave];
            truth += member.Waves.Average(x => plan.At(member.Unit, c, waveIndex[x] - start));
            noise += member.Waves.Sum(x => Variance(rows[(x, member.Unit)], c)) / (member.Waves.Count * (double)member.Waves.Count);
        }

        var m = effect.Counted.Count;
        return new EvaluatedPlan(w, plan, effect, m == 0 ? 0 : truth / m, m == 0 ? 0 : Z95 * 2 * Math.Sqrt(noise) / m) {
            FloorWidth = Floor(plan, effect, rows, c, world.Waves, baselineWaves: 0),
            BaselineFloorWidth = Floor(plan, effect, rows, c, world.Waves, estimator.MaxBaselineWaves),
        };
    }

    /// <summary>
    /// The design floor: the width the plan's own comparison would have if every member's counterfactual level were
    /// known, so that only the published means' sampling noise is left, of the started members and of the not-yet-started
    /// members whose mean they are compared with at each wave. No design-based estimate of this estimand can avoid it.
    /// With <paramref name="baselineWaves"/> above 0, the members' levels are instead known only as the mean of that many
    /// published waves before the plan's first start, as the estimator's baselines are, and that mean's sampling noise is
    /// added, weighed by each member's net weight in the comparison (−1/m as a started member, + its share of the
    /// control mean at every wave it waits).
    /// </summary>
    private static double Floor(SimulatedPlan plan, PlanEffect effect, Dictionary<(string Wave, string Unit), HistoryRow> rows, int c, IReadOnlyList<string> waves, int baselineWaves)
    {
        var m = effect.Counted.Count;
        double variance = 0;
        var coefficient = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var wave in effect.Window)
        {
            var treated = effect.Counted.Where(x => x.Waves.Contains(wave)).ToList();
            var controls = plan.Design.Members.Where(x => string.CompareOrdinal(x.StartWave, wave) > 0 && rows.ContainsKey((wave, x.Unit))).ToList();
            var weight = treated.Sum(x => 1.0 / (m * x.Waves.Count));
            variance += treated.Sum(x => Variance(rows[(wave, x.Unit)], c) / Math.Pow(m * x.Waves.Count, 2));
            variance += weight * weight * controls.Sum(x => Variance(rows[(wave, x.Unit)], c)) / Math.Pow(controls.Count, 2);
            foreach (var x in treated)
            {
                coefficient[x.Unit] = coefficient.GetValueOrDefault(x.Unit) - 1.0 / (m * x.Waves.Count);
            }

            foreach (var x in controls)
            {
                coefficient[x.Unit] = coefficient.GetValueOrDefault(x.Unit) + weight / controls.Count;
            }
        }

        if (baselineWaves > 0)
        {
            var first = plan.Design.Members.Min(x => x.StartWave)!;
            foreach (var (unit, k) in coefficient)
            {
                var baseline = waves.Where(x => string.CompareOrdinal(x, first) < 0 && rows.ContainsKey((x, unit))).TakeLast(baselineWaves).ToList();
                variance += k * k * baseline.Sum(x => Variance(rows[(x, unit)], c)) / Math.Pow(baseline.Count, 2);
            }
        }

        return Z95 * 2 * Math.Sqrt(variance);
    }

    internal const double Z95 = 1.959963984540054;

    private static IEnumerable<ShiftedPlan> Shifted(int w, PlanWorld world, SimulatedPlan plan, PlanSettings estimator)
    {
        var waveIndex = world.Waves.Select((x, i) => (x, i)).ToDictionary(p => p.x, p => p.i, StringComparer.Ordinal);
        var planned = plan.Design.Members.Select(m => new PlannedIntervention(m.Unit, m.Unit, plan.Design.Type, m.StartWave)).ToList();
        var observational = EffectEstimator.Estimate(world.Rows, planned, null);
        var effects = PlanEstimator.Estimate(world.Rows, [plan.Design], null, estimator);
        foreach (var effect in effects)
        {
            var c = effect.Construct == Construct.Pressure ? 0 : 1;
            var truth = Evaluate(w, world, plan, effect, estimator).Truth;
            var pooled = observational.Pooled.Single(p => p.Type == plan.Design.Type && p.Construct == effect.Construct);
            var units = observational.Effects.Where(e => e.Construct == effect.Construct && e.Estimate is not null).ToList();
            var observationalTruth = units.Count == 0 ? 0 : units.Average(e => e.PostWaves.Average(x => plan.At(e.Intervention.Unit, c, waveIndex[x] - waveIndex[e.Intervention.StartWave])));
            yield return new ShiftedPlan(w, effect, truth, pooled, observationalTruth);
        }
    }

    private static double Variance(HistoryRow row, int c)
    {
        var sd = c == 0 ? row.PressureSd!.Value : row.SpeakUpSd!.Value;
        return sd * sd / row.N!.Value;
    }
}
