using PulsePipeline.Models.Units;

namespace PulsePipeline.Models.Plans;

/// <summary>
/// How a plan's draw may be stratified, and each unit's stratum label (the one place these rules live): by size band
/// of the unit's respondents in the latest published wave (a published figure), or by ministry (the unit's ancestor
/// just below the root of the tree; the root itself is its own). The draw deals every stratum evenly over the cohorts.
/// </summary>
public static class PlanStrata
{
    public const string None = "none";
    public const string SizeBand = "size-band";
    public const string Ministry = "ministry";

    public static IReadOnlyList<string> All { get; } = [None, SizeBand, Ministry];

    public static bool IsKnown(string? id) => id is not null && All.Contains(id, StringComparer.Ordinal);

    public static string IdList => string.Join(", ", All);

    /// <exception cref="KeyNotFoundException">The id is not a way to stratify.</exception>
    public static string Name(string id, bool dutch) => id switch
    {
        None => dutch ? "Geen" : "None",
        SizeBand => dutch ? "Grootteklasse (respondenten)" : "Size band (respondents)",
        Ministry => dutch ? "Ministerie" : "Ministry",
        _ => throw new KeyNotFoundException($"unknown plan strata '{id}'"),
    };

    /// <summary>The size band of a unit with <paramref name="respondents"/> in its latest published wave (null: none published).</summary>
    public static string SizeBandOf(int? respondents) => respondents is { } n ? Effects.SizeBand.Names[Effects.SizeBand.Of(n)] : "unpublished";

    /// <summary>The unit's ministry: its ancestor just below the root (the root, or a unit outside the tree, is its own).</summary>
    public static string MinistryOf(UnitTree? tree, string unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        if (tree is null || !tree.Contains(unit))
        {
            return unit;
        }

        var path = tree.PathTo(unit);
        return path.Count > 1 ? path[1] : path[0];
    }
}
