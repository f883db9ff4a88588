namespace PulsePipeline.Models.Plans;

/// <summary>
/// A randomised rollout plan (DESIGN.md, "Rollout plans"): an intervention type (<see cref="Interventions.InterventionTypes"/>),
/// the eligible units (ids as HR writes them, each with its stratum label, fixed at registration so that the draw
/// depends on nothing but its seed), the cohorts' start waves (one wave apart, fixed at registration: their
/// number is the cohorts asked for, or the eligible units over the capacity per wave), how the draw is stratified
/// (<see cref="PlanStrata"/>), the constructs it is meant to move, its owner, and who registered it on which day.
/// Once <see cref="Drawing"/> is set the plan is drawn and never changes again, but for withdrawals.
/// </summary>
public sealed record RolloutPlan(
    string Id,
    string Type,
    IReadOnlyList<PlanCandidate> Eligible,
    int? Capacity,
    IReadOnlyList<string> StartWaves,
    string Strata,
    IReadOnlyList<string> Constructs,
    string Owner,
    string RegisteredById,
    string RegisteredByName,
    DateOnly Registered)
{
    public PlanDrawing? Drawing { get; init; }

    public IReadOnlyList<PlanWithdrawal> Withdrawals { get; init; } = [];

    public string Status => Drawing is null ? PlanStatuses.Registered : PlanStatuses.Drawn;

    public int Cohorts => StartWaves.Count;

    /// <summary>The wave before which the plan's comparison can speak: the last cohort's start wave.</summary>
    public string LastStartWave => StartWaves[^1];

    public bool IsWithdrawn(string unit) => Withdrawals.Any(w => string.Equals(w.Unit, unit, StringComparison.Ordinal));
}
