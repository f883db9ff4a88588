using PulsePipeline.Models.Effects;

namespace PulsePipeline.Lab.Effects;

/// <summary>
/// The Gaussian part of the simulated world as a predictor that knows its true parameters sees it (stable unit offset,
/// AR(1) drift from the first wave on, each published wave's sampling variance): the covariance of a unit's true
/// deviations (<see cref="BayesFloor"/> builds the exact floor on it, shifts included), the best linear predictor's error
/// variance from published pre waves, and the oracle's width, which knows the counterfactual.
/// </summary>
public static class WidthFloor
{
    private const double Z95 = 1.959963984540054;

    /// <summary>The oracle's width: it knows the counterfactual, so only the post waves' sampling noise is left.</summary>
    public static double Oracle(IReadOnlyList<(int Wave, double Noise)> post)
    {
        ArgumentNullException.ThrowIfNull(post);
        return post.Count == 0 ? 0 : 2 * Z95 * Math.Sqrt(post.Sum(x => x.Noise)) / post.Count;
    }

    /// <summary>Var(mean true deviation over the post waves | published pre waves), the Gaussian part of the world.</summary>
    public static double PredictionErrorVariance(EffectWorldSettings world, IReadOnlyList<(int Wave, double Noise)> pre, IReadOnlyList<(int Wave, double Noise)> post)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(pre);
        ArgumentNullException.ThrowIfNull(post);
        var p = post.Count;
        if (p == 0)
        {
            return 0;
        }

        double prior = 0;
        foreach (var a in post)
        {
            foreach (var b in post)
            {
                prior += Signal(world, a.Wave, b.Wave);
            }
        }

        prior /= p * p;
        var l = pre.Count;
        if (l == 0)
        {
            return prior;
        }

        var k = new double[l * l];
        var g = new double[l];
        for (var i = 0; i < l; i++)
        {
            g[i] = post.Average(t => Signal(world, t.Wave, pre[i].Wave));
            for (var j = 0; j < l; j++)
            {
                k[i * l + j] = Signal(world, pre[i].Wave, pre[j].Wave) + (i == j ? pre[i].Noise : 0);
            }
        }

        return Math.Max(0, prior - SmallCholesky.ForwardSquared(SmallCholesky.Factor(k, l), g));
    }

    /// <summary>Covariance of a unit's true deviation at waves t1 and t2: offset plus AR(1) drift started at 0 before wave 0.</summary>
    internal static double Signal(EffectWorldSettings world, int t1, int t2)
    {
        var phi = world.DriftPersistence;
        var innovation = world.DriftSd * world.DriftSd;
        var steps = Math.Min(t1, t2) + 1;
        var drift = steps <= 0 ? 0 : Math.Pow(phi, Math.Abs(t1 - t2)) * innovation * (1 - Math.Pow(phi, 2 * steps)) / (1 - phi * phi);
        return world.OffsetSd * world.OffsetSd + drift;
    }
}
