using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Models.Effects;

/// <summary>
/// Fits the covariance of true deviations (<see cref="DeviationModel"/>) by robust moments on control observations:
/// the variance from the median of d²/χ²₁-median − v, and for each lag h the variogram 2(γ(0) − γ(h)) from the median of
/// squared differences minus their sampling variances. Medians, so that the few units with real shifts set the tails the
/// placebos will measure, not the model's core. A, B, C ≥ 0; ρ on a grid.
/// </summary>
internal static class DeviationModelFit
{
    private const double ChiSquare1Median = 0.454936423119572;
    private const int MaxLag = 8, MinPairs = 30;

    public static DeviationModel Fit(EffectPanel panel, int c)
    {
        var construct = c == 0 ? Construct.Pressure : Construct.SpeakUp;
        var level = new List<double>();
        var lags = Enumerable.Range(0, MaxLag + 1).Select(_ => new List<double>()).ToArray();
        for (var u = 0; u < panel.Units.Count; u++)
        {
            for (var t = 0; t < panel.W && panel.IsControl(u, t); t++)
            {
                if (!panel.Published(u, t))
                {
                    continue;
                }

                var at = panel.Cell(u, t);
                var d = panel.D[c][at];
                level.Add(d * d / ChiSquare1Median - panel.V[c][at]);
                for (var h = 1; h <= MaxLag && t + h < panel.W && panel.IsControl(u, t + h); h++)
                {
                    if (panel.Published(u, t + h))
                    {
                        var next = panel.Cell(u, t + h);
                        var diff = d - panel.D[c][next];
                        lags[h].Add(diff * diff / ChiSquare1Median - panel.V[c][at] - panel.V[c][next]);
                    }
                }
            }
        }

        if (level.Count < MinPairs)
        {
            return new DeviationModel(construct, 0.04, 0.005, 0.5, 0.002, level.Count);
        }

        var total = Math.Max(0, Median(level));
        var points = Enumerable.Range(1, MaxLag).Where(h => lags[h].Count >= MinPairs).Select(h => (h, g: Math.Max(0, Median(lags[h]) / 2), n: (double)lags[h].Count)).ToList();
        if (points.Count < 2)
        {
            return new DeviationModel(construct, Math.Max(0, total - 0.007), 0.005, 0.5, 0.002, level.Count);
        }

        var best = (sse: double.PositiveInfinity, b: 0.0, rho: 0.5, cc: 0.0);
        for (var rho = 0.0; rho <= 0.951; rho += 0.05)
        {
            var (b, cc) = FitLine(points, rho);
            var sse = points.Sum(p => p.n * Sq(p.g - b * (1 - Math.Pow(rho, p.h)) - cc));
            if (sse < best.sse - 1e-15)
            {
                best = (sse, b, rho, cc);
            }
        }

        var a = Math.Max(0, total - best.b - best.cc);
        return new DeviationModel(construct, a, best.b, Math.Round(best.rho, 2), best.cc, level.Count);
    }

    /// <summary>Weighted least squares of g(h) = B·(1 − ρ^h) + C with B, C ≥ 0.</summary>
    private static (double B, double C) FitLine(List<(int h, double g, double n)> points, double rho)
    {
        double sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
        foreach (var (h, g, n) in points)
        {
            var x = 1 - Math.Pow(rho, h);
            sw += n;
            sx += n * x;
            sy += n * g;
            sxx += n * x * x;
            sxy += n * x * g;
        }

        var det = sw * sxx - sx * sx;
        var b = det > 1e-12 ? (sw * sxy - sx * sy) / det : 0;
        var cc = (sy - b * sx) / sw;
        if (b < 0)
        {
            return (0, Math.Max(0, sy / sw));
        }

        if (cc < 0)
        {
            return (sxx > 0 ? Math.Max(0, sxy / sxx) : 0, 0);
        }

        return (b, cc);
    }

    private static double Sq(double x) => x * x;

    private static double Median(List<double> values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        var m = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }
}
