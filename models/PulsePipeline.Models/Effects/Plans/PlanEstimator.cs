using PulsePipeline.Models.Detection;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Plans;

namespace PulsePipeline.Models.Effects.Plans;

/// <summary>
/// Design-based effects of randomised rollout plans (docs/PLANS.md), from published figures only. The estimate compares
/// members already started with members not yet started in the same waves (<see cref="PlanStatistic"/>); the interval
/// inverts a randomisation test that re-draws the assignment as the draw did (cohort sizes kept, within strata), with
/// re-draws seeded by the plan id, so the result is deterministic. Only waves up to the as-of wave are read.
/// </summary>
public static class PlanEstimator
{
    /// <summary>Per plan, in the order given, an effect on pressure and one on speak-up.</summary>
    public static IReadOnlyList<PlanEffect> Estimate(IReadOnlyList<HistoryRow> history, IReadOnlyList<PlanDesign> plans, string? asOfWave, PlanSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(plans);
        settings ??= PlanSettings.Default;
        if (plans.Count == 0)
        {
            return [];
        }

        var panel = new EffectPanel(history, [], asOfWave, null, EffectSettings.Default);
        return [.. plans.SelectMany(p => EstimatePlan(panel, p, settings))];
    }

    private static List<PlanEffect> EstimatePlan(EffectPanel panel, PlanDesign plan, PlanSettings settings)
    {
        var members = plan.Members;
        var starts = members.Select(m => m.StartWave).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var cohortOf = members.Select(m => Array.IndexOf(starts, m.StartWave)).ToArray();
        var startIndex = starts.Select(panel.StartIndex).ToArray();
        var first = startIndex[0];
        var end = startIndex[^1];
        var units = members.Select(m => panel.UnitIndex(m.Unit)).ToArray();
        var withBaseline = units.Count(u => u is { } unit && Baseline(panel, unit, first, 0, settings) is not null);
        PlanEffect Inconclusive(Construct c, PlanReason reason) =>
            new(plan.Id, plan.Type, c, 0, null, null, null, EffectVerdict.Inconclusive, reason) { Cohorts = starts.Length, WithBaseline = withBaseline, WindowClosed = end < panel.W };
        var reason = starts.Length < 2 ? PlanReason.TooFewCohorts
            : withBaseline < settings.MinMembers ? PlanReason.TooFewMembers
            : end <= first ? PlanReason.NoWindowWave
            : PlanReason.None;
        if (reason != PlanReason.None)
        {
            return [.. EffectEstimator.Constructs.Select(c => Inconclusive(c, reason))];
        }

        var statistics = Enumerable.Range(0, EffectEstimator.Constructs.Count)
            .Select(c => Statistic(panel, units, first, end, startIndex, cohortOf, c, settings)).ToArray();
        var redraws = Redraws(members, cohortOf, plan.Id, settings.Redraws);
        return EffectEstimator.Constructs.Select((construct, c) =>
        {
            var statistic = statistics[c];
            var used = statistic.UsedWaves(cohortOf);
            var counted = Enumerable.Range(0, members.Count).Where(m => used[m].Count > 0)
                .Select(m => new PlanMemberWindow(members[m].Unit, members[m].StartWave, [.. used[m].Select(t => panel.Waves[first + t])])).ToList();
            var window = used.SelectMany(w => w).Distinct().Order().Select(t => panel.Waves[first + t]).ToList();
            var bare = Inconclusive(construct, PlanReason.None) with { Members = counted.Count, Window = window, Counted = counted };
            if (counted.Count == 0)
            {
                return bare with { Reason = PlanReason.NoWindowWave };
            }

            var (estimate, a, b) = Run(statistic, cohortOf, redraws);
            return RandomisationInterval.Invert(estimate, a, b, settings.Alpha) is not var (low, high)
                ? bare with { Reason = PlanReason.TooFewMembers }
                : bare with { Estimate = estimate, CiLow = low, CiHigh = high, Verdict = EffectWords.Verdict(construct, low, high) };
        }).ToList();
    }

    /// <summary>The observed statistic, and A and B of every re-draw.</summary>
    private static (double Estimate, double[] A, double[] B) Run(PlanStatistic statistic, int[] observed, int[][] redraws)
    {
        var count = new int[statistic.Members];
        var sumA = new double[statistic.Members];
        var sumB = new double[statistic.Members];
        var estimate = statistic.Compute(observed, count, sumA, sumB).A;
        var a = new double[redraws.Length];
        var b = new double[redraws.Length];
        for (var r = 0; r < redraws.Length; r++)
        {
            (a[r], b[r], _) = statistic.Compute(redraws[r], count, sumA, sumB);
            if (double.IsNaN(a[r]))
            {
                // No member counted under this re-draw: it says nothing either way, so it ties with the observed one.
                (a[r], b[r]) = (estimate, 1);
            }
        }

        return (estimate, a, b);
    }

    /// <summary>
    /// Re-draws of the assignment: within each stratum the members are shuffled over that stratum's drawn cohort places,
    /// so cohort sizes and each stratum's share of every cohort are those of the draw.
    /// </summary>
    private static int[][] Redraws(IReadOnlyList<PlanMember> members, int[] cohortOf, string planId, int count)
    {
        var random = new PlanRandom(PlanSeeds.ForAnalysis(planId));
        var strata = Enumerable.Range(0, members.Count).GroupBy(m => members[m].Stratum, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.ToArray()).ToArray();
        var redraws = new int[count][];
        for (var r = 0; r < count; r++)
        {
            var assignment = new int[members.Count];
            foreach (var stratum in strata)
            {
                var places = stratum.Select(m => cohortOf[m]).ToArray();
                random.Shuffle(places);
                for (var i = 0; i < stratum.Length; i++)
                {
                    assignment[stratum[i]] = places[i];
                }
            }

            redraws[r] = assignment;
        }

        return redraws;
    }

    private static PlanStatistic Statistic(EffectPanel panel, int?[] units, int first, int end, int[] startIndex, int[] cohortOf, int c, PlanSettings settings)
    {
        var waves = Math.Min(end, panel.W) - first;
        var delta = new double[units.Length * waves];
        Array.Fill(delta, double.NaN);
        for (var m = 0; m < units.Length; m++)
        {
            if (units[m] is not { } unit || Baseline(panel, unit, first, c, settings) is not { } level)
            {
                continue;
            }

            for (var t = 0; t < waves; t++)
            {
                if (panel.Published(unit, first + t))
                {
                    delta[m * waves + t] = panel.Y[c][panel.Cell(unit, first + t)] - level;
                }
            }
        }

        return new PlanStatistic(delta, units.Length, waves, [.. startIndex.Select(s => s - first)], cohortOf);
    }

    /// <summary>The mean of the unit's last published waves before the plan's first start, or null without one.</summary>
    private static double? Baseline(EffectPanel panel, int unit, int first, int c, PlanSettings settings)
    {
        double sum = 0;
        var count = 0;
        for (var t = Math.Min(first, panel.W) - 1; t >= 0 && count < settings.MaxBaselineWaves; t--)
        {
            if (panel.Published(unit, t))
            {
                sum += panel.Y[c][panel.Cell(unit, t)];
                count++;
            }
        }

        return count == 0 ? null : sum / count;
    }
}
