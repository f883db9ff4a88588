namespace PulsePipeline.Models.Effects;

/// <summary>
/// Which published waves from an intervention's start are its post waves: up to the as-of wave, stopping before another
/// intervention starts in the same unit or an ancestor (whose figures include this unit), or in a descendant that holds
/// a material share of the unit's respondents. Another intervention in the same line starting in the same wave makes
/// the two inseparable.
/// </summary>
internal static class PostWaves
{
    public sealed record Window(int[] Waves, int End, PlannedIntervention? StoppedBy, PlannedIntervention? ConfoundedWith);

    public static Window Find(EffectPanel panel, IReadOnlyList<PlannedIntervention> interventions, int[] starts, int self, EffectSettings settings)
    {
        var me = interventions[self];
        var unit = panel.UnitIndex(me.Unit)!.Value;
        var start = starts[self];
        var end = panel.W - 1;
        PlannedIntervention? stoppedBy = null;
        var ancestors = panel.Tree is { } tree && tree.Contains(me.Unit) ? tree.PathTo(me.Unit).SkipLast(1).ToHashSet(StringComparer.Ordinal) : [];
        HashSet<string>? descendants = null;
        for (var j = 0; j < interventions.Count; j++)
        {
            var other = interventions[j];
            if (j == self || starts[j] < start)
            {
                continue;
            }

            var relevant = other.Unit == me.Unit || ancestors.Contains(other.Unit);
            if (!relevant && panel.Tree is not null && panel.Tree.Contains(me.Unit))
            {
                descendants ??= panel.Descendants(me.Unit).ToHashSet(StringComparer.Ordinal);
                relevant = descendants.Contains(other.Unit) && Material(panel, unit, other.Unit, starts[j], settings);
            }

            if (!relevant)
            {
                continue;
            }

            if (starts[j] == start)
            {
                return new Window([], start - 1, null, other);
            }

            if (starts[j] - 1 < end)
            {
                end = starts[j] - 1;
                stoppedBy = other;
            }
        }

        var waves = new List<int>();
        for (var t = start; t <= end && waves.Count < settings.MaxPostWaves; t++)
        {
            if (panel.Published(unit, t))
            {
                waves.Add(t);
            }
        }

        return new Window([.. waves], end, stoppedBy, null);
    }

    /// <summary>
    /// The descendant's share of the unit's respondents in the last wave before its start where both were published
    /// (invited counts where respondents are not); unknown counts as material.
    /// </summary>
    private static bool Material(EffectPanel panel, int unit, string descendant, int start, EffectSettings settings)
    {
        if (panel.UnitIndex(descendant) is not { } d)
        {
            return false;
        }

        for (var t = Math.Min(start, panel.W) - 1; t >= 0; t--)
        {
            var (own, theirs) = (panel.Cell(unit, t), panel.Cell(d, t));
            if (panel.N[own] > 0 && panel.N[theirs] > 0)
            {
                return (double)panel.N[theirs] / panel.N[own] >= settings.MaterialShare;
            }

            if (panel.Invited[own] > 0 && panel.Invited[theirs] > 0)
            {
                return (double)panel.Invited[theirs] / panel.Invited[own] >= settings.MaterialShare;
            }
        }

        return true;
    }
}
