namespace PulsePipeline.Models.Detection;

/// <summary>
/// Says what a short run of published means shows, so that the words match the numbers: 2.15 → 3.54 after flat
/// waves is a jump in the last wave, not a steady rise. A difference between two points counts as a step when it is
/// beyond noise, at least 1.96 standard errors of the difference; smaller differences are noise. Pure.
/// </summary>
public static class TrendShapes
{
    /// <summary>A steady trend has no single step carrying more than this share of the whole change.</summary>
    public const double SteadyShare = 0.7;

    public static TrendReading Read(IReadOnlyList<TrendValue> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count < 2)
        {
            return new TrendReading(TrendShape.TooFewPoints, false, 0, points.Count);
        }

        var steps = Enumerable.Range(1, points.Count - 1).Select(i => new Step(points[i].Mean - points[i - 1].Mean, Noise(points[i - 1], points[i]))).ToList();
        var total = points[^1].Mean - points[0].Mean;
        var totalBeyondNoise = Math.Abs(total) >= Noise(points[0], points[^1]);
        var big = steps.Select((s, i) => (Step: s, Index: i)).Where(s => s.Step.Beyond).ToList();
        var last = steps[^1];

        if (points.Count >= 3 && totalBeyondNoise && steps.All(s => Math.Sign(s.Change) == Math.Sign(total))
            && steps.Max(s => Math.Abs(s.Change)) <= SteadyShare * Math.Abs(total))
        {
            return Reading(TrendShape.Steady, total > 0, 0);
        }

        if (steps.Count >= 2 && last.Beyond && steps[^2].Beyond && Math.Sign(last.Change) != Math.Sign(steps[^2].Change)
            && Math.Abs(points[^1].Mean - points[^3].Mean) < Noise(points[^3], points[^1]))
        {
            return Reading(TrendShape.BackToEarlierLevel, steps[^2].Change > 0, points.Count - 2);
        }

        if (last.Beyond && big.Count == 1)
        {
            return Reading(TrendShape.JumpInLastWave, last.Change > 0, points.Count - 1);
        }

        if (big.Count == 1)
        {
            return Reading(TrendShape.StepEarlier, big[0].Step.Change > 0, big[0].Index + 1);
        }

        if (big.Count == 0)
        {
            // Small steps that add up beyond noise are a gradual, steady trend.
            return totalBeyondNoise ? Reading(TrendShape.Steady, total > 0, 0) : Reading(TrendShape.NoClearChange, false, 0);
        }

        return Reading(TrendShape.UpAndDown, total > 0, 0);

        TrendReading Reading(TrendShape shape, bool up, int at) => new(shape, up, at, points.Count);
    }

    private static double Noise(TrendValue a, TrendValue b) => DetectionMath.Z95 * Math.Sqrt((a.Se * a.Se) + (b.Se * b.Se));

    private readonly record struct Step(double Change, double Noise)
    {
        public bool Beyond => Math.Abs(Change) >= Noise;
    }
}
