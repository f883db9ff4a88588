namespace PulsePipeline.Models.Detection.Findings;

/// <summary>
/// Groups a wave's flags into findings: the one definition of when a flagged unit's flag is explained by flagged units
/// below it, used by the workspace and the IPIM digest alike.
/// </summary>
/// <remarks>
/// <para>
/// A unit's published mean covers its descendants, so a department that moves moves its directorate too, by its share
/// of the directorate's respondents. Listing both as units needing attention counts one finding twice and sends IPIM
/// to a directorate where nothing else happened.
/// </para>
/// <para>
/// <b>Explains.</b> A flagged unit P is explained by its topmost flagged descendants D (flagged units below P with no
/// flagged unit between) when, in both judged constructs, the rest of P — its respondents outside D — shows no
/// adverse change beyond its own noise. With s the share of P's respondents in D, the rest's change is
/// (ΔP − Σ n_d/n_P · Δd) / (1 − s), and its 95% margin is P's margin scaled to the rest's size, m_P / √(1 − s); a
/// rest with no respondents (s = 1) has nothing left to explain. The decomposition is that of a mean over disjoint
/// groups, so it holds for the detector's changes up to how the history and the organisation-wide change enter them:
/// close enough to decide grouping, never shown as a figure. A flag with a missing n or change is not explained:
/// when in doubt, a unit stays a finding of its own.
/// </para>
/// <para>
/// An explained unit joins the finding of its descendant with the most respondents among D (then the smaller id),
/// followed down until a unit that is not explained.
/// </para>
/// </remarks>
public static class FlagFindings
{
    /// <summary>The findings among <paramref name="points"/> (every unit of one wave; unflagged ones give the tree), in the order of the points.</summary>
    public static IReadOnlyList<FlagFinding> Group(IReadOnlyList<FlagPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var byUnit = new Dictionary<string, FlagPoint>(StringComparer.Ordinal);
        foreach (var point in points)
        {
            byUnit.TryAdd(point.Unit, point);
        }

        var below = TopmostFlaggedBelow(points.Where(p => p.Flagged), byUnit);
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var point in points.Where(p => p.Flagged && below.ContainsKey(p.Unit)))
        {
            var flaggedBelow = below[point.Unit];
            if (Explains(point, flaggedBelow))
            {
                owner[point.Unit] = flaggedBelow.OrderByDescending(d => d.N ?? 0).ThenBy(d => d.Unit, StringComparer.Ordinal).First().Unit;
            }
        }

        var explained = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var unit in owner.Keys.OrderByDescending(u => Depth(u, byUnit)).ThenBy(u => u, StringComparer.Ordinal))
        {
            var finding = owner[unit];
            while (owner.TryGetValue(finding, out var next))
            {
                finding = next;
            }

            (explained.TryGetValue(finding, out var list) ? list : explained[finding] = []).Add(unit);
        }

        return [.. points.Where(p => p.Flagged && !owner.ContainsKey(p.Unit)).DistinctBy(p => p.Unit).Select(p => new FlagFinding(p.Unit, explained.GetValueOrDefault(p.Unit) ?? []))];
    }

    /// <summary>True when <paramref name="parent"/>'s flag is explained by its topmost flagged descendants <paramref name="flaggedBelow"/> (see the remarks).</summary>
    public static bool Explains(FlagPoint parent, IReadOnlyList<FlagPoint> flaggedBelow)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(flaggedBelow);
        if (flaggedBelow.Count == 0 || parent.N is not > 0 || flaggedBelow.Any(d => d.N is not > 0))
        {
            return false;
        }

        var shares = flaggedBelow.Select(d => (double)d.N!.Value / parent.N.Value).ToList();
        var share = shares.Sum();
        if (share >= 1)
        {
            return true;
        }

        return RestWithinNoise(parent.PressureChange, parent.PressureMargin, flaggedBelow.Select(d => d.PressureChange), shares, share, upIsAdverse: true)
            && RestWithinNoise(parent.SpeakUpChange, parent.SpeakUpMargin, flaggedBelow.Select(d => d.SpeakUpChange), shares, share, upIsAdverse: false);
    }

    private static bool RestWithinNoise(double? change, double? margin, IEnumerable<double?> changesBelow, List<double> shares, double share, bool upIsAdverse)
    {
        var below = changesBelow.ToList();
        if (change is not { } total || margin is not { } m || below.Any(c => c is null))
        {
            return false;
        }

        var rest = (total - below.Select((c, i) => c!.Value * shares[i]).Sum()) / (1 - share);
        var restMargin = m / Math.Sqrt(1 - share);
        return upIsAdverse ? rest <= restMargin : rest >= -restMargin;
    }

    /// <summary>For each flagged unit with flagged units below it, those with no flagged unit in between.</summary>
    private static Dictionary<string, List<FlagPoint>> TopmostFlaggedBelow(IEnumerable<FlagPoint> flagged, Dictionary<string, FlagPoint> byUnit)
    {
        var below = new Dictionary<string, List<FlagPoint>>(StringComparer.Ordinal);
        foreach (var point in flagged.DistinctBy(p => p.Unit))
        {
            var seen = new HashSet<string>(StringComparer.Ordinal) { point.Unit };
            for (var at = point.Parent; at.Length > 0 && seen.Add(at) && byUnit.TryGetValue(at, out var ancestor); at = ancestor.Parent)
            {
                if (ancestor.Flagged)
                {
                    (below.TryGetValue(at, out var list) ? list : below[at] = []).Add(point);
                    break;
                }
            }
        }

        return below;
    }

    private static int Depth(string unit, Dictionary<string, FlagPoint> byUnit)
    {
        var depth = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var at = unit; seen.Add(at) && byUnit.TryGetValue(at, out var point) && point.Parent.Length > 0; at = point.Parent)
        {
            depth++;
        }

        return depth;
    }
}
