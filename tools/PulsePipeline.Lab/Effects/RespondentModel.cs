using PulsePipeline.Models.Detection;

namespace PulsePipeline.Lab.Effects;

/// <summary>
/// How a simulated respondent's latent scores scatter around the unit's level: normal with the construct's SD, or with
/// heavy tails, a scale mixture in which a share of respondents answer with a wider spread (the same total variance).
/// Scores are clamped to 1–5, so what a level means for the published mean, and what latent shift moves that mean by a
/// given number of points, is computed from the mixture here, in one place for the simulator and the exact floor.
/// </summary>
public sealed record RespondentModel(double ExtremeShare, double ExtremeScale)
{
    public static readonly double[] Sd = [0.75, 0.85];

    public const double Correlation = -0.4;

    public static RespondentModel Of(EffectWorldSettings world)
    {
        ArgumentNullException.ThrowIfNull(world);
        return new RespondentModel(world.ExtremeRespondentShare, world.ExtremeRespondentScale);
    }

    /// <summary>The SD multiplier of an ordinary and of an extreme respondent, keeping the construct's variance.</summary>
    public (double Ordinary, double Extreme) Scales
    {
        get
        {
            var ordinary = 1 / Math.Sqrt(1 - ExtremeShare + ExtremeShare * ExtremeScale * ExtremeScale);
            return (ordinary, ordinary * ExtremeScale);
        }
    }

    /// <summary>The expected clamped score of construct c at latent <paramref name="level"/>.</summary>
    public double Mean(int c, double level)
    {
        var (ordinary, extreme) = Scales;
        var mean = DetectionMath.ClampedNormalMean(level, Sd[c] * ordinary, 1, 5);
        return ExtremeShare > 0 ? (1 - ExtremeShare) * mean + ExtremeShare * DetectionMath.ClampedNormalMean(level, Sd[c] * extreme, 1, 5) : mean;
    }

    /// <summary>The latent change that moves the expected clamped mean of construct c at <paramref name="level"/> by <paramref name="observed"/> points.</summary>
    public double LatentShift(int c, double level, double observed)
    {
        if (observed == 0)
        {
            return 0;
        }

        var baseMean = Mean(c, level);
        double lo = 0, hi = 4 * Math.Abs(observed) + 1;
        for (var i = 0; i < 60; i++)
        {
            var mid = (lo + hi) / 2;
            var moved = Math.Abs(Mean(c, level + Math.Sign(observed) * mid) - baseMean);
            (lo, hi) = moved < Math.Abs(observed) ? (mid, hi) : (lo, mid);
        }

        return Math.Sign(observed) * (lo + hi) / 2;
    }
}
