using PulsePipeline.Models.Detection;

namespace PulsePipeline.Lab.Effects;

/// <summary>
/// The <see cref="BayesFloor"/> interval of one simulated effect from the unit's last published pre waves: deviations from
/// the no-shift reference, the unit's other interventions' true effects taken out (the predictor knows the world),
/// sampling variances from the world's respondents rather than the published SDs.
/// </summary>
internal static class ExactFloor
{
    public static FloorInterval Interval(EffectWorld world, PublishedScale scale, Dictionary<(string Wave, string Unit), HistoryRow> rows, SimulatedIntervention sim, int c, List<int> post, int maxPreWaves)
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

        var pre = Enumerable.Range(0, Math.Max(0, sim.StartIndex)).Where(t => rows.ContainsKey((world.Waves[t], unit))).Select(Wave).TakeLast(maxPreWaves).ToList();
        var postNoise = post.Select(t => (t, scale.Variance(c, t) / Row(t).N!.Value)).ToList();
        var observed = post.Average(t => Deviation(c, t));
        var (low, high) = BayesFloor.Predict(scale, c, pre, postNoise);
        return new FloorInterval(observed - high, observed - low);
    }
}
