using System.Globalization;

namespace PulsePipeline.Models.Publication;

/// <summary>
/// The sum and sum of squares of respondents' construct scores (each score on the 1–5 scale). Decimal rather than
/// double: the variance subtracts two nearly equal totals, and in double that cancellation leaves an SD of about
/// 1e-7 where every respondent gave the same score; decimal keeps such sums exact to 28 digits.
/// </summary>
public readonly record struct ConstructSums(decimal Sum, decimal SumOfSquares)
{
    public const decimal MinScore = 1m;
    public const decimal MaxScore = 5m;

    // Decimal arithmetic itself rounds at 28 digits (13/3 squared is not exact), so computed totals get a relative slack.
    private const decimal RelativeTolerance = 1e-9m;

    /// <summary>
    /// Converts the pipeline's integer totals: each respondent's score is the sum of their <paramref name="itemCount"/>
    /// item answers divided by <paramref name="itemCount"/>, so the totals divide by m and m² respectively.
    /// </summary>
    public static ConstructSums FromItemSums(long itemSum, long itemSumOfSquares, int itemCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(itemCount, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(itemSum);
        ArgumentOutOfRangeException.ThrowIfNegative(itemSumOfSquares);
        return new ConstructSums((decimal)itemSum / itemCount, (decimal)itemSumOfSquares / ((decimal)itemCount * itemCount));
    }

    public static ConstructSums operator +(ConstructSums left, ConstructSums right) =>
        new(left.Sum + right.Sum, left.SumOfSquares + right.SumOfSquares);

    public static ConstructSums Add(ConstructSums left, ConstructSums right) => left + right;

    /// <summary>
    /// Why these sums cannot come from <paramref name="n"/> scores in [1, 5], or null when they can:
    /// n ≤ sum ≤ 5n, sum²/n ≤ sum of squares (the variance is not negative) and sum of squares ≤ 6·sum − 5n
    /// (from (x − 1)(x − 5) ≤ 0 for every score x). A number written with d decimals may be off by half a unit in its
    /// last place (a score of 11/3 gives sum 3.666667 and sum of squares 13.444444, a few millionths under sum²/n), so
    /// each bound allows for the precision each value was given with (<see cref="Rounding"/>): a rounded file passes, and
    /// one no rounding can explain still fails.
    /// </summary>
    public string? Problem(long n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (n == 0)
        {
            return Sum == 0 && SumOfSquares == 0 ? null : "with n = 0 the sum and the sum of squares must be 0";
        }

        var slack = RelativeTolerance * MaxScore * MaxScore * n;
        var (sumOff, squaresOff) = (Rounding(Sum), Rounding(SumOfSquares));
        if (Sum < (MinScore * n) - sumOff - slack || Sum > (MaxScore * n) + sumOff + slack)
        {
            return $"sum {Show(Sum)} is impossible for n = {n}: scores of 1 to 5 give a sum from {n} to {MaxScore * n}";
        }

        // The sum the written one can stand for that makes each bound easiest to meet.
        var lowest = Math.Max(Sum - sumOff, MinScore * n);
        if (SumOfSquares + squaresOff < (lowest * lowest / n) - slack)
        {
            return $"sum of squares {Show(SumOfSquares)} is impossible for n = {n} and sum {Show(Sum)}: it must be at least sum²/n = {Show(Sum * Sum / n)}{Hint()}";
        }

        var highest = Math.Min(Sum + sumOff, MaxScore * n);
        var most = ((MinScore + MaxScore) * highest) - (MinScore * MaxScore * n);
        return SumOfSquares - squaresOff > most + slack
            ? $"sum of squares {Show(SumOfSquares)} is impossible for n = {n} and sum {Show(Sum)}: scores of 1 to 5 allow at most 6·sum − 5n = {Show(((MinScore + MaxScore) * Sum) - (MinScore * MaxScore * n))}{Hint()}"
            : null;
    }

    /// <summary>
    /// How far a value written with its number of decimals may be from the exact one: half a unit in its last decimal
    /// place (5e-7 for 3.666667). A whole number is taken as exact: scores average a few items, so a sum is a multiple of
    /// 1/m and a rounded one that comes out whole was whole; tallies counted in integers are exact too.
    /// </summary>
    public static decimal Rounding(decimal value) => value.Scale == 0 ? 0m : 0.5m / Pow10(value.Scale);

    /// <summary>Mean and sample SD over <paramref name="n"/> respondents (n ≥ 2).</summary>
    public ConstructFigures Figures(long n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 2);
        var mean = Sum / n;

        // n·Σx² − (Σx)² is exact for exact inputs; a slightly negative value can only come from rounded input.
        var numerator = Math.Max(0m, (n * SumOfSquares) - (Sum * Sum));
        var variance = numerator / n / (n - 1);
        return new ConstructFigures((double)mean, Math.Sqrt((double)variance));
    }

    private static string Show(decimal value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private static decimal Pow10(int exponent)
    {
        var power = 1m;
        for (var i = 0; i < exponent; i++)
        {
            power *= 10;
        }

        return power;
    }

    private string Hint() => Sum.Scale == 0 && SumOfSquares.Scale == 0 ? " (whole numbers are taken as exact; if these were rounded, give them with their decimals)" : "";
}
