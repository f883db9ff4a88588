using PulsePipeline.Models.Units;

namespace PulsePipeline.Models.Publication;

/// <summary>
/// The publication rules as one pure function of the private tallies: k-anonymity with secondary suppression
/// (docs/PRIVACY.md, rule 3). The same input always gives the same output, so a publication can be rerun or
/// audited offline with `pulse publish`.
/// </summary>
public static class Publisher
{
    public const int MinimumK = 3;
    public const int DefaultK = 5;

    /// <summary>
    /// Publishes every unit of <paramref name="tree"/>, in tree order. A unit's figures cover its own respondents and
    /// its descendants'. A unit is suppressed when it has fewer than <paramref name="k"/> respondents, or when, with
    /// the units published around it, a group of 1 to k−1 respondents could be recovered by subtraction (see
    /// <see cref="SuppressionPlanner"/>).
    /// </summary>
    /// <param name="tree">The organisation.</param>
    /// <param name="directTallies">Each unit's direct respondents (not its descendants'); a missing unit has none.</param>
    /// <param name="k">The anonymity threshold, at least <see cref="MinimumK"/>.</param>
    /// <param name="directInvited">Optional: employees invited directly in each unit (missing: none), for response rates.</param>
    /// <exception cref="ArgumentOutOfRangeException">k is below <see cref="MinimumK"/>.</exception>
    /// <exception cref="ArgumentException">
    /// A tally or invitation count names a unit outside the tree, an invitation count is negative, a unit has more
    /// respondents than invitations, or tallies of different instrument versions meet in a roll-up.
    /// </exception>
    public static IReadOnlyList<PublishedUnit> Publish(
        UnitTree tree,
        IReadOnlyDictionary<string, UnitTally> directTallies,
        int k,
        IReadOnlyDictionary<string, long>? directInvited = null)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(directTallies);
        if (k < MinimumK)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, $"k must be at least {MinimumK}");
        }

        CheckUnits(tree, directTallies.Keys, nameof(directTallies));
        var tallies = RollUp(tree, id => directTallies.GetValueOrDefault(id) ?? UnitTally.Empty, UnitTally.Add);
        Dictionary<string, long>? invited = null;
        if (directInvited is not null)
        {
            CheckInvited(tree, directTallies, directInvited);
            invited = RollUp(tree, id => directInvited.GetValueOrDefault(id), (a, b) => checked(a + b));
        }

        var outcome = SuppressionPlanner.Plan(tree, tallies.ToDictionary(p => p.Key, p => p.Value.N, StringComparer.Ordinal), k);
        return tree.TopDown
            .Select(id => outcome[id] == SuppressionReason.None
                ? PublishedUnit.Of(id, tallies[id], invited?[id], k)
                : PublishedUnit.Suppressed(id, outcome[id]))
            .ToList();
    }

    private static Dictionary<string, T> RollUp<T>(UnitTree tree, Func<string, T> direct, Func<T, T, T> add)
    {
        var total = new Dictionary<string, T>(tree.Count, StringComparer.Ordinal);
        for (var i = tree.TopDown.Count - 1; i >= 0; i--)
        {
            var id = tree.TopDown[i];
            total[id] = tree.ChildrenOf(id).Aggregate(direct(id), (sum, child) => add(sum, total[child]));
        }

        return total;
    }

    private static void CheckUnits(UnitTree tree, IEnumerable<string> units, string parameter)
    {
        var unknown = units.Where(u => !tree.Contains(u)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"unknown unit(s): {string.Join(", ", unknown.Take(10))}", parameter);
        }
    }

    // Every response comes through an invitation to the unit it is counted in, so more responses than invitations
    // means the inputs do not belong together; a response rate above 1 would hide that.
    private static void CheckInvited(UnitTree tree, IReadOnlyDictionary<string, UnitTally> directTallies, IReadOnlyDictionary<string, long> directInvited)
    {
        CheckUnits(tree, directInvited.Keys, nameof(directInvited));
        foreach (var id in tree.TopDown)
        {
            var invited = directInvited.GetValueOrDefault(id);
            var responded = directTallies.GetValueOrDefault(id)?.N ?? 0;
            if (invited < 0 || responded > invited)
            {
                throw new ArgumentException($"unit {id}: {invited} invited cannot give {responded} respondents", nameof(directInvited));
            }
        }
    }
}
