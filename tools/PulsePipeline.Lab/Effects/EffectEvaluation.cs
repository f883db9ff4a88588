using System.Diagnostics;
using PulsePipeline.Models.Detection;
using PulsePipeline.Models.Effects;
using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Lab.Effects;

/// <summary>
/// Runs the estimator on seeded simulated worlds and sets each estimate beside the truth: coverage, false labels at zero,
/// bias next to the naive before/after comparison, width against an oracle that knows the counterfactual, inconclusive
/// share, power, and pooled types.
/// </summary>
public static class EffectEvaluation
{
    public static EffectEvaluationReport Run(EffectEvaluationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var points = new Dictionary<string, (List<EvaluatedEffect> Effects, List<PooledEvaluation> Pooled)>(StringComparer.Ordinal);
        var summaries = new List<string>();
        var simulation = new Stopwatch();
        var estimation = new Stopwatch();
        for (var w = 0; w < settings.Worlds; w++)
        {
            simulation.Start();
            var world = EffectWorldSimulator.Simulate(settings.World with { Seed = settings.Seed + w });
            simulation.Stop();
            summaries.Add(Summary(w, world));
            var asOf = new List<(string Label, int Index)> { ("as of the last wave", world.Waves.Count - 1) };
            if (settings.MidWay)
            {
                asOf.Add(("as of two thirds of the waves", world.Waves.Count * 2 / 3 - 1));
            }

            foreach (var (label, index) in asOf)
            {
                estimation.Start();
                var sims = world.Interventions.Where(i => i.StartIndex <= index).ToList();
                var report = EffectEstimator.Estimate(world.Rows, [.. sims.Select(s => s.Intervention)], world.Waves[index], null, settings.Estimator);
                estimation.Stop();
                if (!points.TryGetValue(label, out var point))
                {
                    point = ([], []);
                    points[label] = point;
                }

                Collect(w, world, sims, report, settings.Estimator.MaxPreWaves, point.Effects, point.Pooled);
            }
        }

        return new EffectEvaluationReport(settings, [.. points.Select(p => new EffectEvaluationPoint(p.Key, p.Value.Effects, p.Value.Pooled))], summaries, simulation.Elapsed, estimation.Elapsed);
    }

    private static void Collect(int w, EffectWorld world, List<SimulatedIntervention> sims, EffectReport report, int maxPreWaves, List<EvaluatedEffect> effects, List<PooledEvaluation> pooled)
    {
        var waveIndex = world.Waves.Select((x, i) => (x, i)).ToDictionary(p => p.x, p => p.i, StringComparer.Ordinal);
        var rows = world.Rows.Where(r => r.IsPublished).ToDictionary(r => (r.Wave, r.Unit));
        var scale = PublishedScale.Of(world.Settings);
        var ofWorld = new List<EvaluatedEffect>();
        for (var i = 0; i < report.Effects.Count; i++)
        {
            var effect = report.Effects[i];
            var sim = sims[i / 2];
            var c = effect.Construct == Construct.Pressure ? 0 : 1;
            var post = effect.PostWaves.Select(x => waveIndex[x]).ToList();
            var truth = sim.TrueMean(c, post);
            var unit = sim.Intervention.Unit;
            var postNoise = post.Select(t => (t, Variance(rows[(world.Waves[t], unit)], c))).ToList();
            var oracle = WidthFloor.Oracle(postNoise);
            var preNoise = Enumerable.Range(0, Math.Max(0, sim.StartIndex)).Where(t => rows.ContainsKey((world.Waves[t], unit))).Select(t => (t, Variance(rows[(world.Waves[t], unit)], c))).ToList();
            var floor = WidthFloor.Width(world.Settings, [.. preNoise.TakeLast(maxPreWaves)], postNoise);
            var floorAllPre = WidthFloor.Width(world.Settings, preNoise, postNoise);
            var exact = effect.IsConclusive ? Exact(world, scale, rows, sim, c, post, maxPreWaves) : (null, null);
            ofWorld.Add(new EvaluatedEffect(w, sim, effect, truth, oracle, floor, floorAllPre, exact.Last, exact.All));
        }

        effects.AddRange(ofWorld);
        foreach (var p in report.Pooled.Where(p => p.IsConclusive))
        {
            var used = ofWorld.Where(e => e.Simulated.Intervention.Type == p.Type && e.Effect.Construct == p.Construct && e.Effect.Estimate is not null && e.Effect.StandardError is > 0).ToList();
            pooled.Add(new PooledEvaluation(w, p, used.Count == 0 ? 0 : used.Average(e => e.Truth)));
        }
    }

    /// <summary>
    /// The <see cref="BayesFloor"/> interval of one effect from the last <paramref name="maxPreWaves"/> and from all published
    /// pre waves: deviations from the no-shift reference, the unit's other interventions' true effects taken out (the
    /// predictor knows the world), sampling variances from the world's respondents rather than the published SDs.
    /// </summary>
    private static (FloorInterval Last, FloorInterval All) Exact(EffectWorld world, PublishedScale scale, Dictionary<(string Wave, string Unit), HistoryRow> rows, SimulatedIntervention sim, int c, List<int> post, int maxPreWaves)
    {
        var unit = sim.Intervention.Unit;
        var others = world.Interventions.Where(i => i.Unit == sim.Unit && !ReferenceEquals(i, sim)).ToList();
        HistoryRow Row(int t) => rows[(world.Waves[t], unit)];
        double Deviation(int cc, int t)
        {
            var mean = cc == 0 ? Row(t).PressureMean!.Value : Row(t).SpeakUpMean!.Value;
            return mean - scale.Reference(cc, t) - others.Sum(o => o.Truth.At(cc, t - o.StartIndex));
        }

        BayesFloor.Wave Wave(int t)
        {
            var n = Row(t).N!.Value;
            return new BayesFloor.Wave(t, [Deviation(0, t), Deviation(1, t)], [scale.Variance(0, t) / n, scale.Variance(1, t) / n], scale.Covariance(t) / n);
        }

        var pre = Enumerable.Range(0, Math.Max(0, sim.StartIndex)).Where(t => rows.ContainsKey((world.Waves[t], unit))).Select(Wave).ToList();
        var postNoise = post.Select(t => (t, scale.Variance(c, t) / Row(t).N!.Value)).ToList();
        var observed = post.Average(t => Deviation(c, t));
        FloorInterval Of(List<BayesFloor.Wave> used)
        {
            var (low, high) = BayesFloor.Predict(scale, c, used, postNoise);
            return new FloorInterval(observed - high, observed - low);
        }

        return (Of([.. pre.TakeLast(maxPreWaves)]), Of(pre));
    }

    private static double Variance(HistoryRow row, int c)
    {
        var sd = c == 0 ? row.PressureSd!.Value : row.SpeakUpSd!.Value;
        return sd * sd / row.N!.Value;
    }

    private static string Summary(int w, EffectWorld world)
    {
        var published = world.Rows.Where(r => r.IsPublished).Select(r => r.N!.Value).Order().ToArray();
        var flagged = world.Interventions.Count(i => i.AfterFlag);
        var before = world.Interventions.Count(i => i.StartIndex < 0);
        var second = world.Interventions.GroupBy(i => i.Unit).Count(g => g.Count() > 1);
        return $"world {w + 1} (seed {world.Settings.Seed}): {world.Settings.Units} units x {world.Waves.Count} waves, {1 - (double)published.Length / world.Rows.Count:0.0%} of unit-waves suppressed (k={world.Settings.SuppressBelow}), median {published[published.Length / 2]} respondents; {world.Interventions.Count} interventions ({flagged} after a flag, {world.Interventions.Count - flagged - before} without one, {before} before the history; {second} units with a second)";
    }
}
