using PulsePipeline.Models.Detection;
using PulsePipeline.Models.Effects;

namespace PulsePipeline.Lab.Effects;

/// <summary>
/// The narrowest honest interval on the simulated world (docs/decisions/0007-effects-width-floor.md): the Bayesian predictive
/// distribution of the post waves' mean deviation under no effect, for a predictor that knows the world's whole
/// generating process, shifts included, but sees only the unit's published pre waves of both constructs. It is a
/// mixture over where a shift began (or none), whether it hit pressure, speak-up or both, its permanent share and its
/// size, each weighted by its prior and by how well it explains the pre waves under the Gaussian rest of the world
/// (offsets, AR(1) drift, sampling noise with the true variance), convolved with a shift that may begin after the last
/// pre wave and with the post waves' own sampling noise. Unlike <see cref="WidthFloor"/> its width depends on the data
/// (a flagged jump widens it), and it stays honest under selection on the flag, since the posterior conditions on all
/// the flag looked at. Simplified: at most one shift up to the last pre wave and one after it (two or more in one
/// history has a chance of at most about 2.5%, so the mixture is a little narrow, never wide), sizes and shares on grids.
/// </summary>
public static class BayesFloor
{
    private const int Shares = 5, SizeBins = 55;
    private const double Bin = 0.004;

    /// <summary>A published pre wave as the predictor sees it.</summary>
    /// <param name="Deviation">Per construct: published mean minus <see cref="PublishedScale.Reference"/> (and any other intervention's true effect).</param>
    /// <param name="Noise">Per construct: the sampling variance of the published mean.</param>
    /// <param name="Covariance">The two constructs' sampling covariance at this wave.</param>
    public sealed record Wave(int Index, double[] Deviation, double[] Noise, double Covariance);

    /// <summary>The central 95% of the observed post mean deviation of construct c if the intervention did nothing.</summary>
    /// <param name="post">The post waves used: wave index and the sampling variance of construct c.</param>
    public static (double Low, double High) Predict(PublishedScale scale, int c, IReadOnlyList<Wave> pre, IReadOnlyList<(int Index, double Noise)> post)
    {
        ArgumentNullException.ThrowIfNull(scale);
        ArgumentNullException.ThrowIfNull(pre);
        ArgumentNullException.ThrowIfNull(post);
        if (post.Count == 0)
        {
            throw new ArgumentException("an effect needs at least one post wave", nameof(post));
        }

        var world = scale.World;
        var l = pre.Count;
        var n = 2 * l;
        var p = post.Count;
        double Signal(int c1, int t1, int c2, int t2) => scale.Slope(c1, t1) * scale.Slope(c2, t2) * (c1 == c2
            ? WidthFloor.Signal(world, t1, t2)
            : EffectWorldSimulator.OffsetCorrelation * world.OffsetSd * world.OffsetSd);

        double prior = 0;
        foreach (var a in post)
        {
            foreach (var b in post)
            {
                prior += Signal(c, a.Index, c, b.Index);
            }
        }

        prior /= p * p;
        var f = new double[n * n];
        var w = new double[n];
        var ty = new double[n];
        if (l > 0)
        {
            var k = new double[n * n];
            var g = new double[n];
            var y = new double[n];
            for (var i = 0; i < n; i++)
            {
                var (ci, ti) = (i / l, pre[i % l]);
                y[i] = ti.Deviation[ci];
                g[i] = post.Average(t => Signal(c, t.Index, ci, ti.Index));
                for (var j = 0; j < n; j++)
                {
                    var (cj, tj) = (j / l, pre[j % l]);
                    k[i * n + j] = Signal(ci, ti.Index, cj, tj.Index) + (i % l == j % l ? (ci == cj ? ti.Noise[ci] : ti.Covariance) : 0);
                }
            }

            f = SmallCholesky.Factor(k, n);
            w = SmallCholesky.Forward(f, g);
            ty = SmallCholesky.Forward(f, y);
        }

        var pev = Math.Max(0, prior - Dot(w, w));
        var spread = Math.Sqrt(pev + post.Sum(x => x.Noise) / (p * p));
        var blup = Dot(w, ty);
        var yy = Dot(ty, ty);
        var (sizes, sizeWeights) = SizePrior(world);
        var hazard = world.ShiftHazard;

        // Shifts the pre waves can see: onset from wave 1 (a shift drawn at wave t shows from t + 1) up to the last pre
        // wave, in pressure (up), speak-up (down) or both, each a third of the hazard, as EffectWorldSimulator draws them.
        var lastPre = l == 0 ? 0 : pre[^1].Index;
        var means = new List<(double Mean, double LogWeight)> { (blup, -0.5 * yy) };
        var logOnset = Math.Log(hazard / 3 / (1 - hazard));
        for (var onset = 1; onset <= lastPre; onset++)
        {
            for (var si = 0; si < Shares; si++)
            {
                var share = Share(world, si);
                for (var target = 0; target < 3; target++)
                {
                    var shape = new double[n];
                    for (var i = 0; i < n; i++)
                    {
                        var ci = i / l;
                        shape[i] = Hits(target, ci) ? Sign(ci) * scale.Slope(ci, pre[i % l].Index) * Profile(world, share, pre[i % l].Index - onset) : 0;
                    }

                    var u = SmallCholesky.Forward(f, shape);
                    var h = Hits(target, c) ? post.Average(x => Sign(c) * scale.Slope(c, x.Index) * Profile(world, share, x.Index - onset)) : 0;
                    var wu = Dot(w, u);
                    var uu = Dot(u, u);
                    var uy = Dot(u, ty);
                    for (var b = 0; b < sizes.Length; b++)
                    {
                        var s = sizes[b];
                        means.Add((blup + s * (h - wu), -0.5 * (yy - 2 * s * uy + s * s * uu) + logOnset + Math.Log(sizeWeights[b] / Shares)));
                    }
                }
            }
        }

        // A shift of construct c that begins after the last pre wave: the data say nothing of it, only the prior.
        var lastPost = post[^1].Index;
        var hc = hazard * 2 / 3;
        var unseen = new List<(double Mean, double LogWeight)> { (0, (lastPost - lastPre) * Math.Log(1 - hc)) };
        for (var onset = lastPre + 1; onset <= lastPost; onset++)
        {
            for (var si = 0; si < Shares; si++)
            {
                var share = Share(world, si);
                var h = post.Average(x => Sign(c) * scale.Slope(c, x.Index) * Profile(world, share, x.Index - onset));
                for (var b = 0; b < sizes.Length; b++)
                {
                    unseen.Add((sizes[b] * h, Math.Log(hc) + (lastPost - lastPre - 1) * Math.Log(1 - hc) + Math.Log(sizeWeights[b] / Shares)));
                }
            }
        }

        var (start, mass) = Smooth(Convolve(Histogram(means), Histogram(unseen)), spread);
        return (Quantile(start, mass, 0.025), Quantile(start, mass, 0.975));
    }

    private static bool Hits(int target, int c) => target == 2 || target == c;

    private static int Sign(int c) => c == 0 ? 1 : -1;

    private static double Share(EffectWorldSettings world, int si) =>
        world.MinPermanentShare + (si + 0.5) * (world.MaxPermanentShare - world.MinPermanentShare) / Shares;

    /// <summary>A shift's share left <paramref name="since"/> waves after its onset (none before it).</summary>
    private static double Profile(EffectWorldSettings world, double share, int since) =>
        since < 0 ? 0 : share + (1 - share) * Math.Pow(world.FadePerWave, since);

    /// <summary>
    /// Exponential sizes (a mixture of two means where some shifts are large) clamped as the simulator clamps them: the
    /// clamp's two point masses and bins between them.
    /// </summary>
    private static (double[] Sizes, double[] Weights) SizePrior(EffectWorldSettings world)
    {
        var (lo, hi) = (EffectWorldSimulator.MinShiftSize, world.MaxShiftSize);
        var (mean, large, share) = (world.MeanShiftSize, world.MeanShiftSize * world.LargeShiftScale, world.LargeShiftShare);
        double Cdf(double x) => (1 - share) * (1 - Math.Exp(-x / mean)) + share * (1 - Math.Exp(-x / large));
        var sizes = new double[SizeBins + 2];
        var weights = new double[SizeBins + 2];
        sizes[0] = lo;
        weights[0] = Cdf(lo);
        var width = (hi - lo) / SizeBins;
        for (var b = 0; b < SizeBins; b++)
        {
            var a = lo + b * width;
            sizes[b + 1] = a + width / 2;
            weights[b + 1] = Cdf(a + width) - Cdf(a);
        }

        sizes[^1] = hi;
        weights[^1] = 1 - Cdf(hi);
        return (sizes, weights);
    }

    private static (double Start, double[] Mass) Histogram(List<(double Mean, double LogWeight)> parts)
    {
        var top = parts.Max(x => x.LogWeight);
        var lo = parts.Min(x => x.Mean);
        var hi = parts.Max(x => x.Mean);
        var mass = new double[(int)Math.Ceiling((hi - lo) / Bin) + 1];
        double total = 0;
        foreach (var (mean, logWeight) in parts)
        {
            var weight = Math.Exp(logWeight - top);
            mass[(int)Math.Round((mean - lo) / Bin)] += weight;
            total += weight;
        }

        for (var i = 0; i < mass.Length; i++)
        {
            mass[i] /= total;
        }

        return (lo, mass);
    }

    private static (double Start, double[] Mass) Convolve((double Start, double[] Mass) a, (double Start, double[] Mass) b)
    {
        var mass = new double[a.Mass.Length + b.Mass.Length - 1];
        for (var i = 0; i < a.Mass.Length; i++)
        {
            if (a.Mass[i] < 1e-12)
            {
                continue;
            }

            for (var j = 0; j < b.Mass.Length; j++)
            {
                mass[i + j] += a.Mass[i] * b.Mass[j];
            }
        }

        return (a.Start + b.Start, mass);
    }

    /// <summary>The mixture of means convolved with the common Gaussian spread, on the same bins.</summary>
    private static (double Start, double[] Mass) Smooth((double Start, double[] Mass) mix, double spread)
    {
        var reach = (int)Math.Ceiling(7 * spread / Bin) + 1;
        var kernel = new double[2 * reach + 1];
        for (var i = -reach; i <= reach; i++)
        {
            kernel[i + reach] = DetectionMath.NormalCdf((i + 0.5) * Bin / spread) - DetectionMath.NormalCdf((i - 0.5) * Bin / spread);
        }

        var mass = new double[mix.Mass.Length + 2 * reach];
        for (var i = 0; i < mix.Mass.Length; i++)
        {
            if (mix.Mass[i] < 1e-12)
            {
                continue;
            }

            for (var j = 0; j < kernel.Length; j++)
            {
                mass[i + j] += mix.Mass[i] * kernel[j];
            }
        }

        return (mix.Start - reach * Bin, mass);
    }

    private static double Quantile(double start, double[] mass, double level)
    {
        double sum = 0;
        for (var i = 0; i < mass.Length; i++)
        {
            if (sum + mass[i] >= level)
            {
                // Linear within the bin, whose mass is spread over [centre − Bin/2, centre + Bin/2].
                return start + (i - 0.5 + (level - sum) / mass[i]) * Bin;
            }

            sum += mass[i];
        }

        return start + (mass.Length - 0.5) * Bin;
    }

    private static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (var i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }
}
