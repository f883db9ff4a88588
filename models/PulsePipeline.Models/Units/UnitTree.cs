using System.Collections.Frozen;
using PulsePipeline.Models.Csv;

namespace PulsePipeline.Models.Units;

/// <summary>
/// The organisation as a tree of units with exactly one root. A unit's figures include its descendants and its
/// own direct staff, so the tree is what publication rolls up and what suppression must reason about.
/// </summary>
public sealed class UnitTree
{
    private readonly FrozenDictionary<string, string?> parents;
    private readonly FrozenDictionary<string, IReadOnlyList<string>> children;

    private UnitTree(string root, FrozenDictionary<string, string?> parents, FrozenDictionary<string, IReadOnlyList<string>> children, IReadOnlyList<string> topDown)
    {
        Root = root;
        this.parents = parents;
        this.children = children;
        TopDown = topDown;
    }

    public string Root { get; }

    /// <summary>Every unit, parents before their children (breadth first, children in input order).</summary>
    public IReadOnlyList<string> TopDown { get; }

    public int Count => TopDown.Count;

    public bool Contains(string id) => parents.ContainsKey(id);

    public string? ParentOf(string id) => parents[id];

    public IReadOnlyList<string> ChildrenOf(string id) => children[id];

    /// <summary>The units from the root down to and including <paramref name="id"/>.</summary>
    public IReadOnlyList<string> PathTo(string id)
    {
        var path = new List<string>();
        for (string? at = id; at is not null; at = parents[at])
        {
            path.Add(at);
        }

        path.Reverse();
        return path;
    }

    /// <summary>
    /// Builds the tree, or reports every problem: repeated ids, unknown parents, no root or several roots, and
    /// units that never reach the root (cycles).
    /// </summary>
    public static UnitTree? TryBuild(IReadOnlyList<UnitLink> links, string source, List<CsvProblem> problems)
    {
        var before = problems.Count;
        var (parentOf, lineOf) = ParentsOf(links, source, problems);
        ReportUnknownParents(parentOf, lineOf, source, problems);
        var roots = Roots(parentOf, lineOf, source, problems);
        if (problems.Count > before)
        {
            return null;
        }

        var childrenOf = parentOf.Keys.ToDictionary(k => k, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var link in links.Where(l => parentOf[l.Id] is not null))
        {
            childrenOf[parentOf[link.Id]!].Add(link.Id);
        }

        var topDown = new List<string>(parentOf.Count) { roots[0] };
        for (var i = 0; i < topDown.Count; i++)
        {
            topDown.AddRange(childrenOf[topDown[i]]);
        }

        if (topDown.Count < parentOf.Count)
        {
            ReportCycles(parentOf.Keys, topDown, lineOf, source, problems);
            return null;
        }

        return new UnitTree(
            roots[0],
            parentOf.ToFrozenDictionary(StringComparer.Ordinal),
            childrenOf.ToFrozenDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.Ordinal),
            topDown);
    }

    /// <summary>Each unit's parent (null for a root) and line; a unit given twice is a problem and keeps its first row.</summary>
    private static (Dictionary<string, string?> ParentOf, Dictionary<string, int> LineOf) ParentsOf(IReadOnlyList<UnitLink> links, string source, List<CsvProblem> problems)
    {
        var parentOf = new Dictionary<string, string?>(StringComparer.Ordinal);
        var lineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var link in links)
        {
            if (!parentOf.TryAdd(link.Id, string.IsNullOrEmpty(link.Parent) ? null : link.Parent))
            {
                problems.Add(new CsvProblem(source, link.Line, $"unit {CsvReader.Printable(link.Id)} appears more than once (first on line {lineOf[link.Id]})"));
                continue;
            }

            lineOf[link.Id] = link.Line;
        }

        return (parentOf, lineOf);
    }

    private static void ReportUnknownParents(Dictionary<string, string?> parentOf, Dictionary<string, int> lineOf, string source, List<CsvProblem> problems)
    {
        foreach (var (id, parent) in parentOf)
        {
            if (parent is not null && !parentOf.ContainsKey(parent))
            {
                problems.Add(new CsvProblem(source, lineOf[id], $"unit {CsvReader.Printable(id)} has an unknown parent {CsvReader.Printable(parent)}"));
            }
        }
    }

    /// <summary>The units without a parent, in file order; anything but exactly one is a problem.</summary>
    private static List<string> Roots(Dictionary<string, string?> parentOf, Dictionary<string, int> lineOf, string source, List<CsvProblem> problems)
    {
        var roots = parentOf.Where(p => p.Value is null).Select(p => p.Key).OrderBy(id => lineOf[id]).ToList();
        if (roots.Count == 0 && parentOf.Count > 0)
        {
            problems.Add(new CsvProblem(source, 0, "no root unit: exactly one unit must have an empty parent"));
        }
        else if (roots.Count > 1)
        {
            problems.Add(new CsvProblem(source, lineOf[roots[1]], $"several root units ({string.Join(", ", roots.Select(CsvReader.Printable))}): exactly one unit may have an empty parent"));
        }
        else if (parentOf.Count == 0)
        {
            problems.Add(new CsvProblem(source, 0, "no units"));
        }

        return roots;
    }

    /// <summary>Every unit the walk down from the root did not reach is in a cycle of parents.</summary>
    private static void ReportCycles(IEnumerable<string> units, List<string> reachedTopDown, Dictionary<string, int> lineOf, string source, List<CsvProblem> problems)
    {
        var reached = reachedTopDown.ToHashSet(StringComparer.Ordinal);
        foreach (var id in units.Where(k => !reached.Contains(k)).OrderBy(k => lineOf[k]))
        {
            problems.Add(new CsvProblem(source, lineOf[id], $"unit {CsvReader.Printable(id)} is in a cycle: following its parents never reaches the root"));
        }
    }
}
