using System.Globalization;
using PulsePipeline.Models.Publication;

namespace PulsePipeline.UnitTests.Publication;

/// <summary>
/// The publication rules over many random organisations (seeded, so a failure reproduces), each checked against the
/// invariant's definition and against figures computed directly from simulated individual answers.
/// </summary>
public sealed class PublisherPropertyTests
{
    private const int Trees = 600;

    public static TheoryData<int> Ks => [3, 5];

    [Theory]
    [MemberData(nameof(Ks))]
    public void NoPublishedUnitHasFewerThanK_AndNoSmallGroupIsRecoverableBySubtraction(int k)
    {
        for (var seed = 0; seed < Trees; seed++)
        {
            var (org, published) = PublishRandom(seed, k, maxDepth: 5, maxUnits: 40);
            var n = DirectN(org);
            var rolled = PublicationInvariants.RolledUp(org.Tree, n);
            var violations = PublicationInvariants.Violations(org.Tree, rolled, PublishedSet(published), k);
            Assert.True(violations.Count == 0, $"seed {seed}, k {k}: {string.Join("; ", violations)}");
            foreach (var unit in published)
            {
                Assert.Equal(rolled[unit.UnitId] < k, unit.Suppression == SuppressionReason.FewerThanK);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Ks))]
    public void NoPublishedAncestorMinusDisjointPublishedDescendants_LeavesOneToKMinusOne_BruteForce(int k)
    {
        for (var seed = 0; seed < Trees; seed++)
        {
            var (org, published) = PublishRandom(seed + 100_000, k, maxDepth: 4, maxUnits: 12);
            var rolled = PublicationInvariants.RolledUp(org.Tree, DirectN(org));
            var recoverable = PublicationInvariants.RecoverableGroup(org.Tree, rolled, PublishedSet(published), k);
            Assert.True(recoverable is null, $"seed {seed}, k {k}: {recoverable}");
        }
    }

    [Theory]
    [MemberData(nameof(Ks))]
    public void EveryPublishedFigure_EqualsTheFigureComputedFromIndividualAnswers(int k)
    {
        for (var seed = 0; seed < Trees / 2; seed++)
        {
            var (org, published) = PublishRandom(seed, k, maxDepth: 5, maxUnits: 25);
            var rolledInvited = PublicationInvariants.RolledUp(org.Tree, org.DirectInvited);
            foreach (var unit in published)
            {
                if (!unit.Published)
                {
                    Assert.Null(unit.N);
                    Assert.Null(unit.Invited);
                    Assert.Null(unit.ResponseRate);
                    Assert.Empty(unit.Constructs);
                    Assert.Empty(unit.ItemDistributions);
                    continue;
                }

                var people = org.Below(unit.UnitId).ToList();
                Assert.Equal(people.Count, unit.N);
                Assert.Equal(rolledInvited[unit.UnitId], unit.Invited);
                Assert.Equal((double)people.Count / rolledInvited[unit.UnitId], unit.ResponseRate!.Value, 1e-12);
                foreach (var (construct, items) in SimulatedOrganisation.ItemCounts)
                {
                    var scores = people.Select(p => p.Score(construct)).ToList();
                    var mean = scores.Sum() / scores.Count;
                    var sd = Math.Sqrt(scores.Sum(x => (x - mean) * (x - mean)) / (scores.Count - 1));
                    Assert.Equal(mean, unit.Constructs[construct].Mean, 1e-9);
                    Assert.Equal(sd, unit.Constructs[construct].StandardDeviation, 1e-9);
                    for (var i = 0; i < items; i++)
                    {
                        var expected = Enumerable.Range(1, 5).Select(a => (long)people.Count(p => p.Answers[construct][i] == a));
                        Assert.Equal(expected, unit.ItemDistributions[$"{construct}{i}"]);
                    }
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Ks))]
    public void EverySecondarySuppression_IsNeeded(int k)
    {
        var secondary = 0;
        for (var seed = 0; seed < Trees; seed++)
        {
            var (org, published) = PublishRandom(seed, k, maxDepth: 5, maxUnits: 40);
            var rolled = PublicationInvariants.RolledUp(org.Tree, DirectN(org));
            var set = PublishedSet(published);
            foreach (var unit in published.Where(u => u.Suppression == SuppressionReason.Secondary))
            {
                secondary++;
                var republished = new HashSet<string>(set, StringComparer.Ordinal) { unit.UnitId };
                Assert.True(
                    PublicationInvariants.Violations(org.Tree, rolled, republished, k).Count > 0,
                    $"seed {seed}, k {k}: {unit.UnitId} could be published");
            }
        }

        Assert.True(secondary > Trees / 4, $"the trees should exercise secondary suppression; only {secondary} found");
    }

    [Theory]
    [MemberData(nameof(Ks))]
    public void Publication_IsDeterministic_AndIndependentOfInputOrder(int k)
    {
        for (var seed = 0; seed < Trees; seed++)
        {
            var (org, tallies) = Random(seed, maxDepth: 5, maxUnits: 40, k);
            var first = Publisher.Publish(org.Tree, tallies, k, org.DirectInvited);
            var again = Publisher.Publish(org.Tree, tallies, k, org.DirectInvited);
            Assert.Equal(first.Select(Describe), again.Select(Describe));

            // Listing siblings in another order may change the last bits of rolled-up sums, never who is published.
            var shuffled = Publisher.Publish(org.Shuffled(new Random(seed)), tallies, k, org.DirectInvited);
            Assert.Equal(first.Select(Outcome).Order(StringComparer.Ordinal), shuffled.Select(Outcome).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void LargeOrganisation_IsPublishedSafelyAndQuickly()
    {
        // About the size of central government: 121,000 employees in some 10,000 units.
        var org = SimulatedOrganisation.Generate(new Random(42), 5, maxDepth: 10, maxUnits: 10_000, minChildren: 2);
        var direct = org.DirectTallies();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var published = Publisher.Publish(org.Tree, direct, 5, org.DirectInvited);
        clock.Stop();

        var rolled = PublicationInvariants.RolledUp(org.Tree, DirectN(org));
        Assert.Empty(PublicationInvariants.Violations(org.Tree, rolled, PublishedSet(published), 5));
        Assert.Contains(published, u => u.Suppression == SuppressionReason.Secondary);

        // Generous for a shared machine; it guards against accidentally quadratic suppression, not for speed.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    private static (SimulatedOrganisation Org, IReadOnlyList<PublishedUnit> Published) PublishRandom(int seed, int k, int maxDepth, int maxUnits)
    {
        var (org, tallies) = Random(seed, maxDepth, maxUnits, k);
        return (org, Publisher.Publish(org.Tree, tallies, k, org.DirectInvited));
    }

    private static (SimulatedOrganisation Org, Dictionary<string, UnitTally> Tallies) Random(int seed, int maxDepth, int maxUnits, int k)
    {
        var org = SimulatedOrganisation.Generate(new Random(seed), k, maxDepth, maxUnits);
        return (org, org.DirectTallies());
    }

    private static Dictionary<string, long> DirectN(SimulatedOrganisation org) =>
        org.Respondents.GroupBy(r => r.Unit).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);

    private static HashSet<string> PublishedSet(IEnumerable<PublishedUnit> published) =>
        published.Where(u => u.Published).Select(u => u.UnitId).ToHashSet(StringComparer.Ordinal);

    private static string Outcome(PublishedUnit unit) => $"{unit.UnitId}|{unit.Suppression}|{unit.N}|{unit.Invited}";

    private static string Describe(PublishedUnit unit) => string.Join(
        '|',
        unit.UnitId,
        unit.Suppression,
        unit.N,
        unit.Invited,
        unit.ResponseRate?.ToString("R", CultureInfo.InvariantCulture),
        string.Join(';', unit.Constructs.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value.Mean:R},{p.Value.StandardDeviation:R}")),
        string.Join(';', unit.ItemDistributions.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={string.Join(',', p.Value)}")));
}
