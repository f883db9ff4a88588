using PulsePipeline.Models.Plans;

namespace PulsePipeline.UnitTests.Plans;

/// <summary>The draw is a pure function of its seed and inputs, as docs/PLANS.md specifies it, and balances cohorts and strata.</summary>
public sealed class PlanDrawTests
{
    private static readonly string[] Starts = ["2027-03-01", "2027-04-01", "2027-05-01"];

    [Fact]
    public void TheDraw_MatchesAnIndependentImplementationOfThePublishedAlgorithm()
    {
        // Computed by a separate implementation (xoshiro256** seeded by SplitMix64, Lemire bounds, Fisher–Yates, round-robin
        // deal, shuffled group order) written from the description in docs/PLANS.md, not from this code.
        var units = new[] { "a/1", "a/2", "b/1", "b/2", "c", "d" }.Select(u => new PlanCandidate(u, "")).ToList();
        var members = PlanDraw.Draw(0x0123456789abcdefUL, units, Starts);

        Assert.Equal(["a/1", "a/2", "b/1", "b/2", "c", "d"], members.Select(m => m.Unit));
        Assert.Equal([1, 2, 2, 0, 0, 1], members.Select(m => m.Cohort));
        Assert.Equal(["2027-04-01", "2027-05-01", "2027-05-01", "2027-03-01", "2027-03-01", "2027-04-01"], members.Select(m => m.StartWave));
    }

    [Fact]
    public void AStratifiedDraw_MatchesTheIndependentImplementation()
    {
        var units = new[] { ("a/1", "x"), ("a/2", "x"), ("a/3", "x"), ("b/1", "y"), ("b/2", "y"), ("b/3", "y"), ("c", "z") }.Select(u => new PlanCandidate(u.Item1, u.Item2)).ToList();
        var members = PlanDraw.Draw(42, units, ["w1", "w2"]);

        Assert.Equal([0, 0, 1, 1, 0, 1, 0], members.Select(m => m.Cohort));
    }

    [Fact]
    public void TheSameSeed_GivesTheSameDraw_InWhateverOrderTheUnitsCome()
    {
        var units = Units(25, strata: 1);
        var shuffled = units.AsEnumerable().Reverse().ToList();

        Assert.Equal(PlanDraw.Draw(7, units, Starts), PlanDraw.Draw(7, shuffled, Starts));
        Assert.NotEqual(PlanDraw.Draw(7, units, Starts), PlanDraw.Draw(8, units, Starts));
    }

    [Fact]
    public void Cohorts_DifferBySizeAtMostOne_AndEachMemberHasItsCohortsStartWave()
    {
        for (ulong seed = 1; seed <= 50; seed++)
        {
            var members = PlanDraw.Draw(seed, Units(23, strata: 1), Starts);
            var sizes = members.GroupBy(m => m.Cohort).Select(g => g.Count()).ToList();

            Assert.Equal(3, sizes.Count);
            Assert.True(sizes.Max() - sizes.Min() <= 1, string.Join(",", sizes));
            Assert.All(members, m => Assert.Equal(Starts[m.Cohort], m.StartWave));
        }
    }

    [Fact]
    public void EveryStratum_IsSpreadOverTheCohortsInProportion()
    {
        for (ulong seed = 1; seed <= 50; seed++)
        {
            var members = PlanDraw.Draw(seed, Units(31, strata: 4), Starts);
            foreach (var stratum in members.GroupBy(m => m.Stratum))
            {
                var perCohort = Enumerable.Range(0, Starts.Length).Select(c => stratum.Count(m => m.Cohort == c)).ToList();
                Assert.True(perCohort.Max() - perCohort.Min() <= 1, $"seed {seed}, stratum {stratum.Key}: {string.Join(",", perCohort)}");
            }
        }
    }

    [Fact]
    public void EveryUnit_CanLandInEveryCohort()
    {
        var cohortsOfFirst = Enumerable.Range(1, 60).Select(s => PlanDraw.Draw((ulong)s, Units(9, strata: 1), Starts)[0].Cohort).ToHashSet();

        Assert.Equal(3, cohortsOfFirst.Count);
    }

    [Fact]
    public void ARepeatedUnit_OrMoreCohortsThanUnits_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => PlanDraw.Draw(1, [new("a", ""), new("a", ""), new("b", "")], ["w1", "w2"]));
        Assert.Throws<ArgumentException>(() => PlanDraw.Draw(1, [new("a", ""), new("b", "")], Starts));
    }

    [Theory]
    [InlineData(20, 5, null, 4)]
    [InlineData(21, 5, null, 5)]
    [InlineData(20, null, 3, 3)]
    public void Capacity_GivesTheCohortsThatHoldEveryUnit(int units, int? capacity, int? cohorts, int expected)
    {
        Assert.Equal(expected, PlanDraw.Cohorts(units, capacity, cohorts));
    }

    [Fact]
    public void Seeds_AreSixteenHexDigits_AndTheAnalysisSeedFollowsThePlanId()
    {
        var seed = PlanSeeds.NewDrawSeed();

        Assert.True(PlanSeeds.TryParse(PlanSeeds.Format(seed), out var back));
        Assert.Equal(seed, back);
        Assert.False(PlanSeeds.TryParse("0123456789ABCDEF", out _));
        Assert.Equal(PlanSeeds.ForAnalysis("pl-1"), PlanSeeds.ForAnalysis("pl-1"));
        Assert.NotEqual(PlanSeeds.ForAnalysis("pl-1"), PlanSeeds.ForAnalysis("pl-2"));
    }

    private static List<PlanCandidate> Units(int count, int strata) =>
        [.. Enumerable.Range(0, count).Select(i => new PlanCandidate($"unit {i:D2}", $"s{i % strata}"))];
}
