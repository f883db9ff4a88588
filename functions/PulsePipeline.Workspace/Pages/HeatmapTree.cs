using PulsePipeline.Models.Publication;
using PulsePipeline.Workspace.Reading;

namespace PulsePipeline.Workspace.Pages;

/// <summary>
/// The heatmap's rows: the tree of one wave's published rows, ministries (the root's children) as branches, each
/// unit with its flag row per wave of the window (newest first); the root is the whole organisation, whose cells are
/// the detector's organisation-wide change. A large organisation shows each ministry to one level below it, with a
/// link to that ministry's whole subtree (<c>?under=</c>), so that 1,500 units make pages of a sensible size:
/// navigation, not aggregation.
/// </summary>
public static class HeatmapTree
{
    /// <summary>Above this many units the overview of all ministries stops one level below each ministry.</summary>
    public const int FullTreeLimit = 300;

    private const int MaxDepth = 64;

    /// <param name="rows">The rows of the window's newest wave: the tree.</param>
    /// <param name="flags">Per wave of the window, newest first, the units' flag rows.</param>
    /// <param name="under">The one ministry to show whole, or null for all.</param>
    /// <param name="organisation">Per wave, the organisation's flag row (the root row's cells).</param>
    /// <param name="withheld">Per wave, why each suppressed unit is withheld.</param>
    public static (HeatRow? Root, IReadOnlyList<HeatBranch> Branches, bool Limited) Build(
        IReadOnlyList<PublishedRow> rows,
        IReadOnlyList<IReadOnlyDictionary<string, FlagRow>> flags,
        string? under,
        IReadOnlyList<FlagRow?>? organisation = null,
        IReadOnlyList<IReadOnlyDictionary<string, SuppressionReason?>>? withheld = null)
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
        HeatRow Row(PublishedRow r, int depth) => new(r.Unit, r.Name, depth, [.. flags.Select(f => f.GetValueOrDefault(r.Unit))])
        {
            Withheld = withheld is null ? [] : [.. withheld.Select(w => w.GetValueOrDefault(r.Unit))],
        };
        IEnumerable<HeatRow> Below(string parent, int depth) =>
            depth > maxDepth ? [] : Sorted(children, parent).SelectMany(c => new[] { Row(c, depth) }.Concat(Below(c.Unit, depth + 1)));
        int FlaggedIn(string unit, int depth) =>
            (flags.Count > 0 && flags[0].GetValueOrDefault(unit) is { Flagged: true } ? 1 : 0)
            + (depth > MaxDepth ? 0 : children[unit].Sum(c => FlaggedIn(c.Unit, depth + 1)));

        var branches = (focus is null ? ministries : [focus]).Select(m => new HeatBranch(Row(m, 0), [.. Below(m.Unit, 1)], FlaggedIn(m.Unit, 0))).ToList();
        var organisationRow = new HeatRow(root.Unit, root.Name, 0, organisation ?? [.. flags.Select(_ => (FlagRow?)null)]) { IsOrganisation = true };
        return (organisationRow, branches, limited);
    }

    private static IEnumerable<PublishedRow> Sorted(ILookup<string, PublishedRow> children, string parent) =>
        children[parent].OrderBy(c => c.Name, StringComparer.CurrentCulture).ThenBy(c => c.Unit, StringComparer.Ordinal);
}
