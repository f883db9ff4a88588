using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Publication;

namespace PulsePipeline.UnitTests.Publication;

public sealed class UnitTallyTests
{
    [Fact]
    public void FromItemSums_DividesByTheNumberOfItems()
    {
        // Two respondents on 3 items: item sums 6 and 9, so scores 2 and 3.
        var sums = ConstructSums.FromItemSums(6 + 9, (6 * 6) + (9 * 9), 3);

        Assert.Equal(new ConstructSums(5m, 13m), sums);
        Assert.Equal(new ConstructFigures(2.5, Math.Sqrt(0.5)), sums.Figures(2));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(10)]
    [InlineData(100)]
    public void RespondentsWhoAllAnswerAlike_HaveAnSdOfZero_EvenForScoresDoubleCannotHold(long n)
    {
        // n respondents each scoring 13/3; sums in double would leave an SD of up to about 5e-8 here.
        var tally = UnitTally.FromItemSums(n, new Dictionary<Construct, (long, long, int)> { [Construct.SpeakUp] = (13 * n, 169 * n, 3) });

        var figures = tally.Constructs[Construct.SpeakUp].Figures(tally.N);

        Assert.InRange(figures.StandardDeviation, 0.0, 1e-12);
        Assert.Equal(13.0 / 3, figures.Mean, 1e-15);
    }

    [Theory]
    [InlineData(3, 2.9, 3, "sum 2.9 is impossible")]
    [InlineData(3, 15.1, 80, "sum 15.1 is impossible")]
    [InlineData(3, 6, 11.9, "must be at least sum²/n = 12")]
    [InlineData(3, 6, 21.5, "at most 6·sum − 5n = 21")]
    [InlineData(3, 12, 57.5, "at most 6·sum − 5n = 57")]
    [InlineData(0, 1, 1, "with n = 0")]
    public void ImpossibleSums_AreNamed(long n, double sum, double squares, string expected)
    {
        var sums = new ConstructSums((decimal)sum, (decimal)squares);

        Assert.Contains(expected, sums.Problem(n), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new UnitTally(n, new Dictionary<Construct, ConstructSums> { [Construct.Norms] = sums }));
    }

    [Theory]
    [InlineData(3, 3, 3)]
    [InlineData(3, 15, 75)]
    [InlineData(2, 6, 26)]
    [InlineData(0, 0, 0)]
    public void PossibleSums_AtTheirBounds_AreAccepted(long n, double sum, double squares) =>
        Assert.Null(new ConstructSums((decimal)sum, (decimal)squares).Problem(n));

    [Fact]
    public void RoundedSums_AreAccepted_WithinTheirOwnPrecision()
    {
        // One respondent scoring 11/3, written with 6 decimals: 13.444444 is a few millionths under sum²/n = 13.444447.
        Assert.Null(new ConstructSums(3.666667m, 13.444444m).Problem(1));

        // Three respondents scoring 13/3 each, written with 12 decimals.
        Assert.Null(new ConstructSums(13m, 56.333333333333m).Problem(3));

        // Written with one decimal, 56.333… is 56.3; 56.2 is no rounding of it.
        Assert.Null(new ConstructSums(13m, 56.3m).Problem(3));
        Assert.Contains("must be at least sum²/n", new ConstructSums(13m, 56.2m).Problem(3), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("3.666667", "13.444440", 1, "must be at least sum²/n")] // 6 decimals allow 0.0000005, not 0.000007
    [InlineData("3.666667", "13.4443", 1, "must be at least sum²/n")] // 13.444444 to 4 decimals is 13.4444, never 13.4443
    [InlineData("2.9999994", "9", 3, "is impossible for n = 3")] // a sum written with 7 decimals cannot be 3 rounded
    [InlineData("5.0000006", "25", 1, "is impossible for n = 1")]
    public void SumsNoRoundingCanExplain_AreStillRefused(string sum, string squares, long n, string expected)
    {
        var sums = new ConstructSums(decimal.Parse(sum, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(squares, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Contains(expected, sums.Problem(n), StringComparison.Ordinal);
    }

    [Fact]
    public void TheTolerance_IsHalfAUnitInTheLastDecimalGiven_AndWholeNumbersAreExact()
    {
        Assert.Equal(0.0000005m, ConstructSums.Rounding(3.666667m));
        Assert.Equal(0.05m, ConstructSums.Rounding(12.5m));
        Assert.Equal(0.0005m, ConstructSums.Rounding(12.500m));
        Assert.Equal(0m, ConstructSums.Rounding(12m));

        // Whole numbers are exact: n = 2, sum 4 needs a sum of squares of at least 8, and 7 is refused.
        Assert.Contains("whole numbers are taken as exact", new ConstructSums(4m, 7m).Problem(2), StringComparison.Ordinal);
    }

    [Fact]
    public void ItemCounts_MustCoverEveryRespondent()
    {
        var items = new Dictionary<string, IReadOnlyList<long>> { ["p1"] = [1, 0, 0, 0, 1] };
        Assert.Throws<ArgumentException>(() => new UnitTally(3, items: items));
        Assert.Throws<ArgumentException>(() => new UnitTally(2, items: new Dictionary<string, IReadOnlyList<long>> { ["p1"] = [1, 1] }));
        Assert.Equal([1L, 0, 0, 0, 1], new UnitTally(2, items: items).Items["p1"]);
    }

    [Fact]
    public void Tallies_Add()
    {
        // Scores 1 and 2; then 3, 3 and 3.
        var a = Tally(2, (3, 5), [1, 1, 0, 0, 0]);
        var b = Tally(3, (9, 27), [0, 0, 3, 0, 0]);

        var sum = a + b;

        Assert.Equal(5, sum.N);
        Assert.Equal(new ConstructSums(12m, 32m), sum.Constructs[Construct.Pressure]);
        Assert.Equal([1L, 1, 3, 0, 0], sum.Items["p1"]);
        Assert.Same(a, a + UnitTally.Empty);
        Assert.Same(a, UnitTally.Empty + a);
    }

    [Fact]
    public void TalliesOfDifferentInstruments_DoNotAdd()
    {
        var a = Tally(2, (3, 5), [1, 1, 0, 0, 0]);
        var b = new UnitTally(2, new Dictionary<Construct, ConstructSums> { [Construct.SpeakUp] = new(4m, 8m) });

        Assert.Throws<ArgumentException>(() => a + b);
    }

    private static UnitTally Tally(long n, (decimal Sum, decimal Squares) pressure, long[] p1) => new(
        n,
        new Dictionary<Construct, ConstructSums> { [Construct.Pressure] = new(pressure.Sum, pressure.Squares) },
        new Dictionary<string, IReadOnlyList<long>> { ["p1"] = p1 });
}
