using PulsePipeline.Models.Plans;

namespace PulsePipeline.Models.Effects.Plans;

/// <summary>
/// The rollout plans in a list of interventions (interventions.csv's <c>plan</c> column): the members of each plan id,
/// with their start waves as the draw set them. From a file alone the strata are unknown, so the re-draws permute members
/// over the cohort places unstratified (docs/PLANS.md: for a stratified draw that is a slightly different test).
/// </summary>
public static class PlanDesigns
{
    /// <returns>The plans in order of id, and what makes a plan unreadable (its members' types differ, a unit twice).</returns>
    public static (IReadOnlyList<PlanDesign> Plans, IReadOnlyList<string> Problems) From(IReadOnlyList<PlannedIntervention> interventions)
    {
        ArgumentNullException.ThrowIfNull(interventions);
        var plans = new List<PlanDesign>();
        var problems = new List<string>();
        foreach (var plan in interventions.Where(i => i.Plan.Length > 0).GroupBy(i => i.Plan, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var types = plan.Select(i => i.Type).Distinct(StringComparer.Ordinal).ToList();
            var twice = plan.GroupBy(i => i.Unit, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            if (types.Count > 1)
            {
                problems.Add($"plan {plan.Key} has members of {types.Count} types ({string.Join(", ", types)}); a plan rolls out one type");
            }

            if (twice.Count > 0)
            {
                problems.Add($"plan {plan.Key} has unit {twice[0]} more than once; a unit is a member of a plan once");
            }

            if (types.Count == 1 && twice.Count == 0)
            {
                var starts = plan.Select(i => i.StartWave).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                plans.Add(new PlanDesign(plan.Key, types[0], [.. plan.Select(i => new PlanMember(i.Unit, "", starts.IndexOf(i.StartWave), i.StartWave))]));
            }
        }

        return (plans, problems);
    }

    /// <summary>A drawn plan as the estimator reads it: every member with its drawn cohort and stratum, withdrawn or not.</summary>
    public static PlanDesign Of(RolloutPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new PlanDesign(plan.Id, plan.Type, plan.Drawing?.Members ?? []);
    }
}
