using PulsePipeline.Models.Csv;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Publication;
using PulsePipeline.Models.Units;

namespace PulsePipeline.UnitTests.Publication;

/// <summary>One simulated respondent: their answers per construct (1 to 5 per item), kept so figures can be checked directly.</summary>
internal sealed record Respondent(string Unit, IReadOnlyDictionary<Construct, int[]> Answers)
{
    public double Score(Construct construct) => Answers[construct].Average();
}

/// <summary>
/// A random organisation with individual respondents, so publication can be compared with figures computed straight
/// from the answers. Direct counts favour the edge cases of the rules: 0, 1, k−1, k and k+1, at every level.
/// </summary>
internal sealed class SimulatedOrganisation
{
    /// <summary>Items per construct: the pipeline divides integer item sums by these.</summary>
    public static readonly IReadOnlyDictionary<Construct, int> ItemCounts = new Dictionary<Construct, int>
    {
        [Construct.Pressure] = 3,
        [Construct.SpeakUp] = 4,
        [Construct.Norms] = 2,
    };

    private SimulatedOrganisation(List<UnitLink> links, UnitTree tree, List<Respondent> respondents, Dictionary<string, long> invited)
    {
        Links = links;
        Tree = tree;
        Respondents = respondents;
        DirectInvited = invited;
    }

    public List<UnitLink> Links { get; }

    public UnitTree Tree { get; }

    public List<Respondent> Respondents { get; }

    public Dictionary<string, long> DirectInvited { get; }

    public static SimulatedOrganisation Generate(Random random, int k, int maxDepth, int maxUnits, int minChildren = 0)
    {
        var links = new List<UnitLink> { new("u0", null) };
        var depth = new Dictionary<string, int> { ["u0"] = 0 };
        for (var i = 0; i < links.Count && links.Count < maxUnits; i++)
        {
            var parent = links[i].Id;
            var children = depth[parent] >= maxDepth ? 0 : random.Next(minChildren, Math.Max(minChildren, depth[parent] == 0 ? 4 : 3) + 1);
            for (var c = 0; c < children && links.Count < maxUnits; c++)
            {
                var id = $"u{links.Count}";
                links.Add(new UnitLink(id, parent));
                depth[id] = depth[parent] + 1;
            }
        }

        var respondents = new List<Respondent>();
        var invited = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var link in links)
        {
            var count = random.Next(7) switch
            {
                0 => 0,
                1 => 1,
                2 => k - 1,
                3 => k,
                4 => k + 1,
                _ => random.Next(0, 3 * k),
            };

            // Some units answer all alike: their SD is exactly 0, the hardest case for sums-based figures.
            var alike = random.Next(4) == 0 ? Answer(random) : null;
            for (var r = 0; r < count; r++)
            {
                respondents.Add(new Respondent(link.Id, (alike ?? Answer(random)).ToDictionary(p => p.Key, p => p.Value.ToArray())));
            }

            invited[link.Id] = count + random.Next(0, 4);
        }

        var tree = Build(links);
        return new SimulatedOrganisation(links, tree, respondents, invited);
    }

    public static UnitTree Build(IReadOnlyList<UnitLink> links)
    {
        var problems = new List<CsvProblem>();
        return UnitTree.TryBuild(links, "test", problems) ?? throw new InvalidOperationException(string.Join("; ", problems));
    }

    /// <summary>The same organisation with siblings listed in another order.</summary>
    public UnitTree Shuffled(Random random) =>
        Build([Links[0], .. Links.Skip(1).OrderBy(_ => random.Next())]);

    /// <summary>Direct tallies as the pipeline keeps them: integer item totals per construct and answer counts per item.</summary>
    public Dictionary<string, UnitTally> DirectTallies() =>
        Respondents.GroupBy(r => r.Unit).ToDictionary(g => g.Key, Tally, StringComparer.Ordinal);

    public static UnitTally Tally(IEnumerable<Respondent> respondents)
    {
        var all = respondents.ToList();
        var constructs = ItemCounts.ToDictionary(
            p => p.Key,
            p => (all.Sum(r => (long)r.Answers[p.Key].Sum()), all.Sum(r => (long)r.Answers[p.Key].Sum() * r.Answers[p.Key].Sum()), p.Value));
        var items = new Dictionary<string, IReadOnlyList<long>>(StringComparer.Ordinal);
        foreach (var (construct, count) in ItemCounts)
        {
            for (var i = 0; i < count; i++)
            {
                items[$"{construct}{i}"] = [.. Enumerable.Range(1, 5).Select(a => (long)all.Count(r => r.Answers[construct][i] == a))];
            }
        }

        return UnitTally.FromItemSums(all.Count, constructs, items);
    }

    /// <summary>Respondents of the unit and all of its descendants.</summary>
    public IEnumerable<Respondent> Below(string unit) => Respondents.Where(r => Tree.PathTo(r.Unit).Contains(unit));

    private static Dictionary<Construct, int[]> Answer(Random random) =>
        ItemCounts.ToDictionary(p => p.Key, p => Enumerable.Range(0, p.Value).Select(_ => random.Next(1, 6)).ToArray());
}
