using PulsePipeline.Workspace.Reading;

namespace PulsePipeline.Workspace.Pages;

/// <summary>
/// The heatmap's rows: the tree of one wave's published rows, ministries (the root's children) as branches, each
/// unit with its flag row per wave of the window. A large organisation shows each ministry to one level below it,
/// with a link to that ministry's whole subtree (<c>?under=</c>), so that 1,500 units make pages of a sensible size:
/// navigation, not aggregation.
/// </summary>
public static class HeatmapTree
{
    /// <summary>Above this many units the overview of all ministries stops one level below each ministry.</summary>
    public const int FullTreeLimit = 300;

    private const int MaxDepth = 64;

    public static (HeatRow? Root, IReadOnlyList<HeatBranch> Branches, bool Limited) Build(
        IReadOnlyList<PublishedRow> rows, IReadOnlyList<IReadOnlyDictionary<string, FlagRow>> flags, string? under)
    {
        var children = rows.Where(r => !r.IsRoot).ToLookup(r => r.Parent, StringComparer.Ordinal);
        var root = rows.FirstOrDefault(r => r.IsRoot);
        if (root is null)
        {
            return (null, [], false);
        }

        var ministries = Sorted(children, root.Unit).ToList();
        var focus = ministries.FirstOrDefault(m => m.Unit == under);
        var limited = focus is null && rows.Count > FullTreeLimit;
        var maxDepth = limited ? 1 : MaxDepth;
        HeatRow Row(PublishedRow r, int depth) => new(r.Unit, r.Name, depth, [.. flags.Select(f => f.GetValueOrDefault(r.Unit))]);
        IEnumerable<HeatRow> Below(string parent, int depth) =>
            depth > maxDepth ? [] : Sorted(children, parent).SelectMany(c => new[] { Row(c, depth) }.Concat(Below(c.Unit, depth + 1)));

        var branches = (focus is null ? ministries : [focus]).Select(m => new HeatBranch(Row(m, 0), [.. Below(m.Unit, 1)])).ToList();
        return (Row(root, 0), branches, limited);
    }

    private static IEnumerable<PublishedRow> Sorted(ILookup<string, PublishedRow> children, string parent) =>
        children[parent].OrderBy(c => c.Name, StringComparer.CurrentCulture).ThenBy(c => c.Unit, StringComparer.Ordinal);
}
