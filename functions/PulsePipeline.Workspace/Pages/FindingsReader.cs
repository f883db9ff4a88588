using PulsePipeline.Models.Detection.Findings;
using PulsePipeline.Workspace.Reading;

namespace PulsePipeline.Workspace.Pages;

/// <summary>
/// A wave's findings as the overview, the unit page and the report show them: the flags grouped by the domain's rule
/// (<see cref="FlagFindings"/>), ranked by the detector's score, each with the wave its flag began
/// (<see cref="FlagRuns"/>). Reads only flag rows; the first wave of a run is found by walking back one wave at a
/// time with point reads of the units still flagged, which is a wave or two for almost every flag.
/// </summary>
public sealed class FindingsReader(PublishedReadModel read)
{
    private const int MaxDepth = 64;

    /// <param name="waves">Published waves, oldest first, the last being the flags' wave.</param>
    /// <param name="rows">The wave's published rows (the tree and the names).</param>
    /// <param name="flags">The wave's flag rows.</param>
    /// <param name="within">Which findings to keep (a ministry's subtree), or null for all.</param>
    public async Task<IReadOnlyList<FlaggedUnit>> FindingsAsync(IReadOnlyList<string> waves, IReadOnlyList<PublishedRow> rows, IReadOnlyList<FlagRow> flags, Func<string, bool>? within, CancellationToken cancellationToken)
    {
        var byUnit = rows.ToDictionary(r => r.Unit, StringComparer.Ordinal);
        var unitFlags = flags.Where(f => !f.IsOrganisation).ToDictionary(f => f.Unit!, StringComparer.Ordinal);
        var findings = Group(rows, flags).Where(f => within is null || within(f.Unit)).ToList();
        var since = await SinceAsync(waves, [.. findings.Select(f => f.Unit)], cancellationToken);
        string NameOf(string unit) => byUnit.TryGetValue(unit, out var row) ? row.Name : unit;
        return [.. findings
            .Select(f => new FlaggedUnit(f.Unit, NameOf(f.Unit), unitFlags[f.Unit]) { Since = since[f.Unit], Explains = [.. f.Explains.Select(u => (u, NameOf(u)))], Above = Above(f.Unit, byUnit) })
            .OrderByDescending(f => f.Flag.Score ?? double.NegativeInfinity)
            .ThenBy(f => f.Unit, StringComparer.Ordinal)];
    }

    /// <summary>For units flagged in the last of <paramref name="waves"/>, the first wave of their current run of flags.</summary>
    public Task<IReadOnlyDictionary<string, string>> SinceAsync(IReadOnlyList<string> waves, IReadOnlyList<string> units, CancellationToken cancellationToken) =>
        FlagRuns.SinceAsync(waves, units, async (wave, unit) => (await read.FlagAsync(wave, unit, cancellationToken))?.Flagged);

    /// <summary>The wave's flags grouped into findings (<see cref="FlagFindings"/>), in the order of <paramref name="rows"/>.</summary>
    public static IReadOnlyList<FlagFinding> Group(IReadOnlyList<PublishedRow> rows, IReadOnlyList<FlagRow> flags)
    {
        var unitFlags = flags.Where(f => !f.IsOrganisation).ToDictionary(f => f.Unit!, StringComparer.Ordinal);
        return FlagFindings.Group([.. rows.Select(r => Point(r, unitFlags.GetValueOrDefault(r.Unit)))]);
    }

    private static List<string> Above(string unit, Dictionary<string, PublishedRow> byUnit)
    {
        var above = new List<string>();
        for (var at = byUnit.GetValueOrDefault(unit); at is not null && above.Count < MaxDepth && byUnit.TryGetValue(at.Parent, out var parent) && !parent.IsRoot; at = parent)
        {
            above.Insert(0, parent.Name);
        }

        return above;
    }

    private static FlagPoint Point(PublishedRow row, FlagRow? flag) => new(
        row.Unit,
        row.Parent,
        flag is { Flagged: true },
        flag?.N,
        flag?.PressureChange,
        flag?.PressureMargin,
        flag?.SpeakUpChange,
        flag?.SpeakUpMargin);
}
