namespace PulsePipeline.Models.Effects;

/// <summary>
/// Every placebo window for one pattern of post horizons (offsets from the start) and one construct: each control unit
/// at each pseudo-start whose pre waves and post horizons all lie up to the as-of wave and are control throughout
/// (<see cref="PlaceboSetBuilder"/>). A placebo window is a control unit at a pseudo-start, predicted exactly as a
/// treated unit would be: its standardised error (observed − predicted)/σ̂ is what the method's errors look like with no
/// intervention, and its <see cref="WindowFeatures"/> what a treated window is matched on. Pseudo-starts are pooled
/// across waves (the reference has taken org-wide change out), in unit then wave order. Stored a column per feature, so
/// that the neighbour search, which reads every window for every treated one, streams through contiguous doubles. The
/// columns are a worker's reusable ones (<see cref="PlaceboColumns"/>): a set is valid until the worker builds the next.
/// </summary>
internal sealed class PlaceboSet
{
    private readonly double[][] features;
    private readonly double[] error;
    private readonly double[] untreatedMoves;
    private readonly int untreated;
    private readonly double[] distances;

    /// <param name="features">The columns of <see cref="WindowFeatures"/> in their order, of at least <paramref name="count"/> windows.</param>
    /// <param name="untreatedMoves">The column of <see cref="UntreatedMoves"/> and how many it holds.</param>
    /// <param name="distances">A column of at least <paramref name="count"/> doubles for <see cref="Distances"/>.</param>
    public PlaceboSet(int count, int comparisonUnits, double[][] features, double[] error, (double[] Column, int Count) untreatedMoves, double[] distances)
    {
        Count = count;
        ComparisonUnits = comparisonUnits;
        this.features = features;
        this.error = error;
        (this.untreatedMoves, untreated) = untreatedMoves;
        this.distances = distances;
    }

    public int Count { get; }

    public int ComparisonUnits { get; }

    public ReadOnlySpan<double> Jump => features[0].AsSpan(0, Count);

    public ReadOnlySpan<double> OtherJump => features[1].AsSpan(0, Count);

    public ReadOnlySpan<double> LogSigma => features[2].AsSpan(0, Count);

    public ReadOnlySpan<double> Flag => features[3].AsSpan(0, Count);

    public ReadOnlySpan<double> OtherFlag => features[4].AsSpan(0, Count);

    /// <summary>(observed − predicted)/σ̂ of each window.</summary>
    public ReadOnlySpan<double> Error => error.AsSpan(0, Count);

    /// <summary>asinh of the flag index of every window that ran its course untreated: the extrapolation guard counts in it.</summary>
    public ReadOnlySpan<double> UntreatedMoves => untreatedMoves.AsSpan(0, untreated);

    /// <summary>
    /// Where the neighbour search puts every window's distance to one treated window (<see cref="NeighbourDistances"/>),
    /// overwritten by the next: a column beside the set's instead of a large array allocated for each treated window.
    /// </summary>
    public Span<double> Distances => distances.AsSpan(0, Count);

    /// <summary>
    /// Windows that ran their course untreated after a flag-like move within <paramref name="caliper"/> (on the asinh
    /// scale) of <paramref name="flag"/>: those below the upper end less those below the lower end. Counted in one pass,
    /// which costs less than sorting for the one or few treated windows that ask a set (flag indices are never NaN).
    /// </summary>
    public int UntreatedWithin(double flag, double caliper)
    {
        var centre = Math.Asinh(flag);
        var (low, high) = (centre - caliper, centre + caliper + 1e-12);
        var within = 0;
        foreach (var move in UntreatedMoves)
        {
            within += (move < high ? 1 : 0) - (move < low ? 1 : 0);
        }

        return within;
    }

    public static PlaceboSet Build(EffectContext context, int[] horizons, int c, PlaceboColumns columns) => new PlaceboSetBuilder(context, horizons, c, columns).Build();
}
