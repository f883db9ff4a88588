namespace PulsePipeline.Models.Plans;

/// <summary>
/// The draw of a rollout plan, a pure function of (seed, eligible units, their strata, the cohorts' start waves), so
/// anyone can reproduce it from the recorded seed (docs/PLANS.md). The units are sorted ordinally and grouped by
/// stratum (strata in ordinal order); each stratum is shuffled; the strata are dealt one after the other, round-robin,
/// into as many groups as there are cohorts, so each group gets its proportional share of every stratum (give or take
/// one); finally the groups are shuffled over the cohorts, so no cohort is favoured by the dealing order.
/// </summary>
public static class PlanDraw
{
    /// <returns>Every member with its cohort and start wave, in ordinal order of unit.</returns>
    /// <exception cref="ArgumentException">No start waves, more cohorts than units, or a unit given twice.</exception>
    public static IReadOnlyList<PlanMember> Draw(ulong seed, IReadOnlyList<PlanCandidate> eligible, IReadOnlyList<string> startWaves)
    {
        ArgumentNullException.ThrowIfNull(eligible);
        ArgumentNullException.ThrowIfNull(startWaves);
        var cohorts = startWaves.Count;
        if (cohorts < 1 || cohorts > eligible.Count)
        {
            throw new ArgumentException($"a draw needs between 1 and {eligible.Count} cohorts, not {cohorts}", nameof(startWaves));
        }

        if (eligible.Select(e => e.Unit).Distinct(StringComparer.Ordinal).Count() != eligible.Count)
        {
            throw new ArgumentException("a unit is eligible only once", nameof(eligible));
        }

        var random = new PlanRandom(seed);
        var dealt = new List<PlanCandidate>(eligible.Count);
        foreach (var stratum in eligible.OrderBy(e => e.Unit, StringComparer.Ordinal).GroupBy(e => e.Stratum, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var members = stratum.ToList();
            random.Shuffle(members);
            dealt.AddRange(members);
        }

        var cohortOfGroup = Enumerable.Range(0, cohorts).ToArray();
        random.Shuffle(cohortOfGroup);
        return [.. dealt
            .Select((m, position) => new PlanMember(m.Unit, m.Stratum, cohortOfGroup[position % cohorts], startWaves[cohortOfGroup[position % cohorts]]))
            .OrderBy(m => m.Unit, StringComparer.Ordinal)];
    }

    /// <summary>
    /// How many cohorts a plan of <paramref name="units"/> units has: the number asked for, or with a capacity of k units
    /// per wave ⌈units / k⌉, so that each cohort (balanced by the draw) holds at most k.
    /// </summary>
    public static int Cohorts(int units, int? capacity, int? cohorts) =>
        cohorts ?? (capacity is > 0 ? (units + capacity.Value - 1) / capacity.Value : 1);
}
