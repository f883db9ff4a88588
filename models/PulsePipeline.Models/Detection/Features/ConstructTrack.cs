namespace PulsePipeline.Models.Detection.Features;

/// <summary>
/// Follows one construct through the waves, one wave at a time and never looking ahead. Each unit's level is kept as a
/// deviation from the organisation-wide level of its wave, so that a change everyone shares is not mistaken for a
/// unit's own. Per wave: pool the respondent SD, compare every unit with its own recent history, estimate the
/// organisation-wide level as a weighted median of those changes, take it out, and estimate the between-wave noise of
/// true levels from the residuals.
/// </summary>
internal sealed class ConstructTrack
{
    private readonly double orientation;
    private readonly List<Point>[] history;
    private readonly Baseline?[] previousBaseline;
    private readonly Queue<List<(double Squared, double Variance)>> residualPool = new();
    private readonly List<OrganisationLevel> levels = [];
    private double excessVariance = FeatureSpec.InitialExcessVariance;
    private double pooledVariance = FeatureSpec.DefaultRespondentVariance;

    /// <param name="unitCount">Units in the history, indexed as in <see cref="HistoryGrid"/>.</param>
    /// <param name="adverseSign">+1 when a rise is adverse (pressure), −1 when a fall is (speak-up safety).</param>
    public ConstructTrack(int unitCount, double adverseSign)
    {
        orientation = adverseSign;
        history = Enumerable.Range(0, unitCount).Select(_ => new List<Point>()).ToArray();
        previousBaseline = new Baseline?[unitCount];
    }

    public IReadOnlyList<OrganisationLevel> Levels => levels;

    /// <summary>Earlier published waves of a unit, before the wave being stepped.</summary>
    public int HistoryCount(int unit) => history[unit].Count;

    public ConstructEvidence?[] Step(int wave, IReadOnlyList<Observation?> observations)
    {
        UpdatePooledVariance(observations);
        var count = observations.Count;
        var samplingVar = new double[count];
        var baselines = new Baseline?[count];
        var changes = new List<double>();
        var weights = new List<double>();
        for (var u = 0; u < count; u++)
        {
            if (observations[u] is not { } o)
            {
                continue;
            }

            samplingVar[u] = ShrunkVariance(o) / o.N;
            baselines[u] = BaselineOf(history[u]);
            if (baselines[u] is { } b)
            {
                changes.Add(o.Mean - b.Mean);
                weights.Add(1 / (samplingVar[u] + excessVariance + b.Variance));
            }
        }

        var level = EstimateLevel(changes, weights);
        levels.Add(level);
        var residuals = new List<(double, double)>();
        for (var u = 0; u < count; u++)
        {
            if (observations[u] is { } o && baselines[u] is { } b && history[u].Count >= FeatureSpec.MinHistoryWaves)
            {
                var r = o.Mean - b.Mean - level.Level;
                residuals.Add((r * r, samplingVar[u] + b.Variance));
            }
        }

        UpdateExcessVariance(residuals);
        var evidence = new ConstructEvidence?[count];
        for (var u = 0; u < count; u++)
        {
            if (observations[u] is not { } o)
            {
                previousBaseline[u] = null;
                continue;
            }

            var deviation = o.Mean - level.Level;
            if (baselines[u] is { } b && history[u].Count >= FeatureSpec.MinHistoryWaves)
            {
                evidence[u] = Evidence(wave, u, deviation, samplingVar[u], b, level.Se);
            }

            previousBaseline[u] = history[u].Count >= FeatureSpec.MinHistoryWaves ? baselines[u] : null;
            history[u].Add(new Point(wave, deviation, samplingVar[u]));
        }

        return evidence;
    }

    private ConstructEvidence Evidence(int wave, int unit, double deviation, double samplingVar, Baseline baseline, double levelSe)
    {
        var change = deviation - baseline.Mean;
        var se = Math.Sqrt(samplingVar + excessVariance + baseline.Variance + levelSe * levelSe);
        double? twoChange = null, twoSe = null, twoZ = null;
        var past = history[unit];
        if (previousBaseline[unit] is { } pb && past.Count > 0 && past[^1].Wave == wave - 1)
        {
            // The previous wave and this one together, against the history before both: a persistent shift shows
            // twice, noise rarely does.
            var w1 = 1 / (past[^1].SamplingVariance + excessVariance);
            var w2 = 1 / (samplingVar + excessVariance);
            var mean = (w1 * past[^1].Deviation + w2 * deviation) / (w1 + w2);
            twoChange = mean - pb.Mean;
            twoSe = Math.Sqrt(1 / (w1 + w2) + pb.Variance + levelSe * levelSe);
            twoZ = orientation * twoChange / twoSe;
        }

        var (trendZ, trend) = Trend(past, wave, deviation, samplingVar);
        return new ConstructEvidence(change, se, orientation * change / se, twoChange, twoSe, twoZ, trendZ, trend);
    }

    /// <summary>The weighted least-squares slope of the recent deviations and this one as a z value, and what those points show.</summary>
    private (double? Z, TrendReading? Reading) Trend(List<Point> past, int wave, double deviation, double samplingVar)
    {
        var points = past.Skip(Math.Max(0, past.Count - FeatureSpec.HistoryWindow)).Append(new Point(wave, deviation, samplingVar)).ToList();
        if (points.Count < 3)
        {
            return (null, null);
        }

        // One jump can make the slope significant too: the reading tells a jump from a steady rise.
        var reading = TrendShapes.Read([.. points.Select(p => new TrendValue(p.Deviation, Math.Sqrt(p.SamplingVariance + excessVariance)))]);
        var w = points.Select(p => 1 / (p.SamplingVariance + excessVariance)).ToArray();
        var sw = w.Sum();
        var xBar = points.Select((p, i) => w[i] * p.Wave).Sum() / sw;
        var yBar = points.Select((p, i) => w[i] * p.Deviation).Sum() / sw;
        var sxx = points.Select((p, i) => w[i] * (p.Wave - xBar) * (p.Wave - xBar)).Sum();
        var sxy = points.Select((p, i) => w[i] * (p.Wave - xBar) * (p.Deviation - yBar)).Sum();
        return (sxx > 0 ? orientation * (sxy / sxx) * Math.Sqrt(sxx) : null, reading);
    }

    private Baseline? BaselineOf(List<Point> past)
    {
        if (past.Count == 0)
        {
            return null;
        }

        var recent = past.Skip(Math.Max(0, past.Count - FeatureSpec.HistoryWindow)).ToList();
        var w = recent.Select(p => 1 / (p.SamplingVariance + excessVariance)).ToArray();
        var sw = w.Sum();
        return new Baseline(recent.Select((p, i) => w[i] * p.Deviation).Sum() / sw, 1 / sw);
    }

    private OrganisationLevel EstimateLevel(List<double> changes, List<double> weights)
    {
        var previous = levels.Count > 0 ? levels[^1] : new OrganisationLevel(0, 0, 0, true);
        if (levels.Count == 0)
        {
            return new OrganisationLevel(0, 0, 0, true); // the first wave is the reference level
        }

        if (changes.Count < FeatureSpec.MinUnitsForOrganisation)
        {
            return previous with { Units = changes.Count, Estimated = false };
        }

        var median = DetectionMath.WeightedMedian(changes, weights);

        // If units scatter around the median more than their variances say, the level is less certain than modelled:
        // widen its error by the robust (MAD) scale of the standardised changes, never narrow it.
        var standardised = changes.Select((c, i) => Math.Abs(c - median) * Math.Sqrt(weights[i])).ToArray();
        var scale = Math.Max(1, 1.4826 * DetectionMath.Median(standardised));
        return new OrganisationLevel(median, scale * DetectionMath.MedianEfficiency / Math.Sqrt(weights.Sum()), changes.Count, true);
    }

    private void UpdatePooledVariance(IReadOnlyList<Observation?> observations)
    {
        double sum = 0, df = 0;
        foreach (var o in observations)
        {
            if (o is { N: > 1 } x)
            {
                sum += (x.N - 1) * x.Sd * x.Sd;
                df += x.N - 1;
            }
        }

        if (df >= 20)
        {
            pooledVariance = sum / df;
        }
    }

    private double ShrunkVariance(Observation o) =>
        (Math.Max(o.N - 1, 0) * o.Sd * o.Sd + FeatureSpec.PooledSdWeight * pooledVariance) / (Math.Max(o.N - 1, 0) + FeatureSpec.PooledSdWeight);

    private void UpdateExcessVariance(List<(double Squared, double Variance)> residuals)
    {
        residualPool.Enqueue(residuals);
        while (residualPool.Count > FeatureSpec.ResidualPoolWaves)
        {
            residualPool.Dequeue();
        }

        var estimate = DetectionMath.SolveExcessVariance(residualPool.SelectMany(r => r).ToList());
        if (!double.IsNaN(estimate))
        {
            excessVariance = estimate;
        }
    }

    private readonly record struct Point(int Wave, double Deviation, double SamplingVariance);

    private readonly record struct Baseline(double Mean, double Variance);
}
