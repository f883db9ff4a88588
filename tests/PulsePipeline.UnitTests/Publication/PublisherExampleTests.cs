using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Publication;
using PulsePipeline.Models.Units;

namespace PulsePipeline.UnitTests.Publication;

/// <summary>Hand-worked examples of the publication rules, each small enough to check on paper.</summary>
public sealed class PublisherExampleTests
{
    [Fact]
    public void SmallChild_ForcesSuppressingTheNextSmallestSibling()
    {
        // P = 17. A (2) is withheld, so P − B − C would give A's 2: B, the next smallest, goes too; P − C = 8.
        var result = Publish(5, ("P", null, 0), ("A", "P", 2), ("C", "P", 9), ("B", "P", 6));

        Assert.Equal((SuppressionReason.None, 17L), Outcome(result["P"]));
        Assert.Equal(SuppressionReason.FewerThanK, result["A"].Suppression);
        Assert.Equal(SuppressionReason.Secondary, result["B"].Suppression);
        Assert.Equal((SuppressionReason.None, 9L), Outcome(result["C"]));
    }

    [Fact]
    public void SiblingsOfEqualSize_TheFirstByOrdinalIdIsSuppressed()
    {
        var result = Publish(5, ("P", null, 0), ("A", "P", 2), ("c", "P", 6), ("C", "P", 6));

        Assert.Equal(SuppressionReason.Secondary, result["C"].Suppression);
        Assert.True(result["c"].Published);
    }

    [Fact]
    public void ParentsOwnStaffBelowK_SuppressesTheSmallestChild()
    {
        // P's direct 2 would be P − A − B.
        var result = Publish(5, ("P", null, 2), ("A", "P", 6), ("B", "P", 9));

        Assert.Equal(SuppressionReason.Secondary, result["A"].Suppression);
        Assert.True(result["B"].Published);
        Assert.Equal(17L, result["P"].N);
    }

    [Fact]
    public void ResidualOfExactlyZero_NeedsNoSuppression()
    {
        var result = Publish(5, ("P", null, 0), ("A", "P", 5), ("B", "P", 6));

        Assert.All(result.Values, u => Assert.True(u.Published));
        Assert.Equal(11L, result["P"].N);
    }

    [Fact]
    public void Root_IsCheckedLikeAnyUnit()
    {
        var small = Publish(5, ("R", null, 1), ("A", "R", 8));
        Assert.Equal((SuppressionReason.None, 9L), Outcome(small["R"]));
        Assert.Equal(SuppressionReason.Secondary, small["A"].Suppression);

        var tooFew = Publish(5, ("R", null, 1), ("A", "R", 3));
        Assert.All(tooFew.Values, u => Assert.Equal(SuppressionReason.FewerThanK, u.Suppression));
    }

    [Fact]
    public void WhenEveryTopmostDescendantCoversNothingOfItsOwn_SuppressionGoesDeeper()
    {
        // X (11) is exactly Y + Z, so suppressing X alone leaves P − Y − Z = 2; Y, the smaller, must go as well.
        var result = Publish(5, ("P", null, 2), ("X", "P", 0), ("Y", "X", 5), ("Z", "X", 6));

        Assert.Equal((SuppressionReason.None, 13L), Outcome(result["P"]));
        Assert.Equal(SuppressionReason.Secondary, result["X"].Suppression);
        Assert.Equal(SuppressionReason.Secondary, result["Y"].Suppression);
        Assert.Equal((SuppressionReason.None, 6L), Outcome(result["Z"]));
    }

    [Fact]
    public void ASiblingThatFixesTheResidual_IsPreferredToASmallerOneThatOnlyCoversOthers()
    {
        // X (6) is exactly Y: suppressing X would not help P (residual 2) without also suppressing Y. Z (7) fixes it alone.
        var result = Publish(5, ("P", null, 2), ("X", "P", 0), ("Y", "X", 6), ("Z", "P", 7));

        Assert.Equal(SuppressionReason.Secondary, result["Z"].Suppression);
        Assert.True(result["X"].Published);
        Assert.True(result["Y"].Published);
    }

    [Fact]
    public void SuppressionMadeUnneededByALaterOneAbove_IsUndone()
    {
        // Checking U (12) suppresses V (U − V = 2). Checking A (30 = 3 + U + S) then suppresses U, the smaller
        // sibling. With U withheld, V is safe again: A − V − S = 5, V − nothing = 10.
        var result = Publish(5, ("A", null, 3), ("U", "A", 2), ("V", "U", 10), ("S", "A", 15));

        Assert.Equal(SuppressionReason.Secondary, result["U"].Suppression);
        Assert.True(result["V"].Published);
        Assert.True(result["S"].Published);
        Assert.Equal(30L, result["A"].N);
    }

    [Fact]
    public void ResponseRate_IsPublishedOnlyWhereAtLeastKWereInvited()
    {
        // Nobody has more respondents than invitations, so a published unit (n ≥ k) always had at least k invited;
        // units with fewer than k invited are withheld whole, their rate included.
        var tree = Tree(("P", null), ("A", "P"), ("B", "P"), ("D", "P"));
        var tallies = new Dictionary<string, UnitTally> { ["B"] = new(6), ["D"] = new(5) };
        var invited = new Dictionary<string, long> { ["A"] = 4, ["B"] = 12, ["D"] = 5 };

        var result = Publisher.Publish(tree, tallies, 5, invited).ToDictionary(u => u.UnitId);

        Assert.Equal((0.5, 12L), (result["B"].ResponseRate, result["B"].Invited));
        Assert.Equal((1.0, 5L), (result["D"].ResponseRate, result["D"].Invited));
        Assert.Equal((11.0 / 21, 21L), (result["P"].ResponseRate, result["P"].Invited));
        Assert.Equal(SuppressionReason.FewerThanK, result["A"].Suppression);
        Assert.Equal((null, null), (result["A"].ResponseRate, result["A"].Invited));
    }

    [Fact]
    public void ResponseRate_OfAUnitWithFewerThanKRespondents_IsWithheldEvenWhenManyWereInvited()
    {
        // Rate × invited would give n.
        var tree = Tree(("P", null), ("A", "P"));
        var result = Publisher.Publish(tree, new Dictionary<string, UnitTally> { ["A"] = new(3) }, 5, new Dictionary<string, long> { ["A"] = 40 });

        Assert.All(result, u => Assert.Equal((SuppressionReason.FewerThanK, null, null), (u.Suppression, u.ResponseRate, u.Invited)));
    }

    [Fact]
    public void NoInvitations_NoResponseRate()
    {
        var result = Publish(5, ("P", null, 7));
        Assert.Null(result["P"].Invited);
        Assert.Null(result["P"].ResponseRate);
    }

    [Fact]
    public void MoreRespondentsThanInvited_IsRefused()
    {
        var tree = Tree(("P", null));
        var tallies = new Dictionary<string, UnitTally> { ["P"] = new(6) };
        Assert.Throws<ArgumentException>(() => Publisher.Publish(tree, tallies, 5, new Dictionary<string, long> { ["P"] = 5 }));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(0)]
    [InlineData(-5)]
    public void KBelowThree_IsRefused(int k)
    {
        var tree = Tree(("P", null));
        Assert.Throws<ArgumentOutOfRangeException>(() => Publisher.Publish(tree, new Dictionary<string, UnitTally>(), k));
    }

    [Fact]
    public void KOfThree_IsAllowed()
    {
        var result = Publish(3, ("P", null, 3));
        Assert.True(result["P"].Published);
    }

    [Fact]
    public void TallyOfAnUnknownUnit_IsRefused()
    {
        var tree = Tree(("P", null));
        Assert.Throws<ArgumentException>(() => Publisher.Publish(tree, new Dictionary<string, UnitTally> { ["Q"] = new(5) }, 5));
    }

    [Fact]
    public void UnitsWithoutTally_HaveNoRespondents_AndOutputFollowsTreeOrder()
    {
        var tree = Tree(("P", null), ("B", "P"), ("A", "P"), ("A1", "A"));
        var result = Publisher.Publish(tree, new Dictionary<string, UnitTally> { ["A1"] = new(7) }, 5);

        Assert.Equal(["P", "B", "A", "A1"], result.Select(u => u.UnitId));
        Assert.Equal([7L, null, 7L, 7L], result.Select(u => u.N));
        Assert.Equal(SuppressionReason.FewerThanK, result[1].Suppression);
    }

    [Fact]
    public void PublishedFigures_AreRolledUp_SuppressedUnitsCarryNone()
    {
        var tree = Tree(("P", null), ("A", "P"), ("B", "P"));
        var scores = new Dictionary<string, UnitTally>
        {
            ["P"] = Scores(5, 5, 5, 5, 5),
            ["A"] = Scores(1, 2),
            ["B"] = Scores(1, 1, 1, 1, 1, 1, 1, 1),
        };

        var result = Publisher.Publish(tree, scores, 5).ToDictionary(u => u.UnitId);

        // P covers 5×5 + 1 + 2 + 8×1 = 36 over 15; A (2) is withheld and P − B = 7 is safe.
        Assert.Equal(15L, result["P"].N);
        Assert.Equal(36.0 / 15, result["P"].Constructs[Construct.Pressure].Mean, 1e-12);
        var mean = 36.0 / 15;
        var sd = Math.Sqrt(((5 * (5 - mean) * (5 - mean)) + ((1 - mean) * (1 - mean)) + ((2 - mean) * (2 - mean)) + (8 * (1 - mean) * (1 - mean))) / 14);
        Assert.Equal(sd, result["P"].Constructs[Construct.Pressure].StandardDeviation, 1e-12);
        Assert.Equal(0.0, result["B"].Constructs[Construct.Pressure].StandardDeviation);
        Assert.Null(result["A"].N);
        Assert.Empty(result["A"].Constructs);
    }

    private static UnitTally Scores(params int[] scores) => UnitTally.FromItemSums(
        scores.Length,
        new Dictionary<Construct, (long, long, int)> { [Construct.Pressure] = (scores.Sum(), scores.Sum(s => (long)s * s), 1) });

    private static (SuppressionReason, long?) Outcome(PublishedUnit unit) => (unit.Suppression, unit.N);

    private static Dictionary<string, PublishedUnit> Publish(int k, params (string Id, string? Parent, long Direct)[] units) =>
        Publisher.Publish(Tree([.. units.Select(u => (u.Id, u.Parent))]), units.ToDictionary(u => u.Id, u => new UnitTally(u.Direct)), k)
            .ToDictionary(u => u.UnitId);

    private static UnitTree Tree(params (string Id, string? Parent)[] units) =>
        SimulatedOrganisation.Build([.. units.Select(u => new UnitLink(u.Id, u.Parent))]);
}
