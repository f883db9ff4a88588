using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Models.Effects.Plans;

/// <summary>
/// A rollout plan's design-based effect on one construct (docs/PLANS.md): over the members that started while others
/// of the plan had not yet started, the mean of each member's mean effect over its waves from its start up to the wave
/// before the last cohort started, in published scale points (pressure down or speak-up up is an improvement), with a
/// 95% interval from inverting a randomisation test. Inconclusive with a <see cref="Reason"/> otherwise.
/// </summary>
public sealed record PlanEffect(
    string Plan,
    string Type,
    Construct Construct,
    int Members,
    double? Estimate,
    double? CiLow,
    double? CiHigh,
    EffectVerdict Verdict,
    PlanReason Reason)
{
    /// <summary>The published waves of the window used so far, oldest first.</summary>
    public IReadOnlyList<string> Window { get; init; } = [];

    /// <summary>True when the history reaches the last cohort's start wave: the window is complete and the estimate final.</summary>
    public bool WindowClosed { get; init; }

    /// <summary>Distinct start waves among the members.</summary>
    public int Cohorts { get; init; }

    /// <summary>Members with a baseline (of all the plan's members), the pool the estimate can draw on.</summary>
    public int WithBaseline { get; init; }

    /// <summary>The counted members, each with the waves of its own mean (<see cref="Members"/> of them).</summary>
    public IReadOnlyList<PlanMemberWindow> Counted { get; init; } = [];

    public bool IsConclusive => Verdict != EffectVerdict.Inconclusive;
}
