namespace PulsePipeline.Lab.Effects;

/// <summary>
/// How the simulated world's latent levels show in published means at the reference level of a unit without offset,
/// drift or shift, before and from the org-wide change: the expected mean and points per latent point (of the
/// <see cref="RespondentModel"/> clamped to 1–5; rounding to steps of 0.25 leaves the mean unchanged on average), and one
/// respondent's score variances and covariance integrated over respondents as <see cref="EffectWorldSimulator"/> scores
/// them (clamped and rounded). What <see cref="BayesFloor"/> knows of the world.
/// </summary>
public sealed class PublishedScale
{
    private const int Grid = 300;
    private const double Reach = 6, Step = 0.01;
    private readonly Regime[] regimes;

    private PublishedScale(EffectWorldSettings world)
    {
        World = world;
        var change = world.OrganisationChange;
        var respondents = RespondentModel.Of(world);
        regimes = [Of(respondents, EffectWorldSimulator.Level[0], EffectWorldSimulator.Level[1]), Of(respondents, EffectWorldSimulator.Level[0] + change, EffectWorldSimulator.Level[1] - change)];
    }

    public EffectWorldSettings World { get; }

    public static PublishedScale Of(EffectWorldSettings world)
    {
        ArgumentNullException.ThrowIfNull(world);
        return new PublishedScale(world);
    }

    /// <summary>The expected published mean of construct c at wave t for a unit with no offset, drift or shift.</summary>
    public double Reference(int c, int t) => At(t).Mean[c];

    /// <summary>Published points per latent point of construct c at wave t (below 1: the clamp flattens the scale).</summary>
    public double Slope(int c, int t) => At(t).Slope[c];

    /// <summary>One respondent's score variance of construct c at wave t.</summary>
    public double Variance(int c, int t) => At(t).Variance[c];

    /// <summary>One respondent's covariance of the two construct scores at wave t.</summary>
    public double Covariance(int t) => At(t).Covariance;

    private Regime At(int t) => regimes[t >= World.EffectiveOrganisationWave ? 1 : 0];

    private static Regime Of(RespondentModel respondents, double pressure, double speakUp)
    {
        double Slope(int c, double level) => (respondents.Mean(c, level + Step) - respondents.Mean(c, level - Step)) / (2 * Step);
        var (ordinary, extreme) = respondents.Scales;
        var q = respondents.ExtremeShare;
        var raw = Moments(pressure, speakUp, ordinary);
        if (q > 0)
        {
            // A scale mixture: its raw moments are the mixture of the two spreads' raw moments.
            var wide = Moments(pressure, speakUp, extreme);
            raw = [.. raw.Select((x, i) => (1 - q) * x + q * wide[i])];
        }

        double[] variance = [raw[2] - raw[0] * raw[0], raw[3] - raw[1] * raw[1]];
        return new Regime([respondents.Mean(0, pressure), respondents.Mean(1, speakUp)], [Slope(0, pressure), Slope(1, speakUp)], variance, raw[4] - raw[0] * raw[1]);
    }

    /// <summary>
    /// Raw moments of the two scores over correlated normal respondents of one spread, on a grid over ±6 SD: E[a], E[b],
    /// E[a²], E[b²], E[ab].
    /// </summary>
    private static double[] Moments(double pressure, double speakUp, double scale)
    {
        var sd = RespondentModel.Sd;
        var rho = RespondentModel.Correlation;
        double total = 0, m1 = 0, m2 = 0, s11 = 0, s22 = 0, s12 = 0;
        for (var i = -Grid; i <= Grid; i++)
        {
            for (var j = -Grid; j <= Grid; j++)
            {
                var z1 = Reach * i / Grid;
                var u = Reach * j / Grid;
                var weight = Math.Exp(-((z1 * z1) + (u * u)) / 2);
                var a = EffectWorldSimulator.Score(pressure + sd[0] * scale * z1);
                var b = EffectWorldSimulator.Score(speakUp + sd[1] * scale * (rho * z1 + Math.Sqrt(1 - rho * rho) * u));
                total += weight;
                m1 += weight * a;
                m2 += weight * b;
                s11 += weight * a * a;
                s22 += weight * b * b;
                s12 += weight * a * b;
            }
        }

        return [m1 / total, m2 / total, s11 / total, s22 / total, s12 / total];
    }

    private sealed record Regime(double[] Mean, double[] Slope, double[] Variance, double Covariance);
}
