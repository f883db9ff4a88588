namespace PulsePipeline.Models.Effects;

/// <summary>
/// Stage 2: the placebos nearest to a treated history in (jump index, flag index, the other construct's two, log σ̂) show
/// how the linear prediction errs for histories like it. Their errors are first put on one scale: what persists of a
/// flag-like move is uncertain in proportion to the move, so an error after a move of flag index F is divided by
/// √(1 + (F/<see cref="EffectSettings.FlagGrowth"/>)²). A local-linear fit of those errors on the neighbours' offsets from
/// the treated history gives the correction at the treated history (how much of such a move persists beyond what the
/// linear model expects), and the split-conformal order statistics of the residuals the interval, both scaled back to
/// the treated history's own move. Ties are broken by placebo order (unit, then wave), so the choice is deterministic.
/// </summary>
internal static class NeighbourCorrection
{
    private const double Z95 = 1.959963984540054;

    /// <summary>Correction and interval ends in units of the treated history's σ̂; Sd and CorrectionSe likewise.</summary>
    public readonly record struct Result(double Correction, double Low, double High, double Sd, double CorrectionSe);

    public static Result Apply(PlaceboSet placebos, WindowFeatures query, EffectSettings settings)
    {
        ArgumentNullException.ThrowIfNull(placebos);
        ArgumentNullException.ThrowIfNull(settings);
        var k = Math.Min(settings.Neighbours, placebos.Count);
        var chosen = NeighbourSearch.Nearest(NeighbourDistances.Of(placebos, query, settings), k);
        var errors = chosen.Select(i => placebos.Error[i] / Growth(placebos.Flag[i], settings)).ToArray();
        var fit = LocalFit.At(placebos, chosen, errors, query);
        var residuals = fit.Residuals;
        var sd = Math.Sqrt(residuals.Sum(e => e * e) / Math.Max(1, k - 1));
        var se = sd * Math.Sqrt(fit.Inflation / k);
        Array.Sort(residuals);
        var (low, high) = Conformal(residuals, settings.IntervalLevel);

        // The correction is itself estimated from K placebos: its error widens both ends in quadrature.
        var g = Growth(query.Flag, settings);
        return new Result(fit.Correction * g, -Widen(-low, Z95 * se) * g, Widen(high, Z95 * se) * g, sd * g, se * g);
    }

    /// <summary>How much wider errors are after a flag-like move of index <paramref name="flag"/> than after none: √(1 + (F/FlagGrowth)²).</summary>
    public static double Growth(double flag, EffectSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Math.Sqrt(1 + Sq(Math.Max(0, flag) / settings.FlagGrowth));
    }

    /// <summary>
    /// The central interval of sorted residuals as split-conformal order statistics: a new exchangeable error falls below
    /// the j-th smallest of K with chance j/(K + 1), so the j-th smallest and largest with j = ⌊(K + 1)(1 − level)/2⌋
    /// hold it with chance at least <paramref name="level"/>, whatever the errors' distribution.
    /// </summary>
    public static (double Low, double High) Conformal(double[] sorted, double level)
    {
        var k = sorted.Length;
        var j = Math.Max(1, (int)Math.Floor((k + 1) * (1 - level) / 2 + 1e-9));
        return (sorted[Math.Min(j, k) - 1], sorted[Math.Max(k - j, 0)]);
    }

    private static double Widen(double x, double e) => x > 0 ? Math.Sqrt(x * x + e * e) : e;

    private static double Sq(double x) => x * x;
}
