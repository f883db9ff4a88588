namespace PulsePipeline.Models.Effects.Plans;

/// <summary>Why a plan's effect has no estimate. <see cref="None"/> for an effect with an estimate.</summary>
public enum PlanReason
{
    None,

    /// <summary>The members (with a baseline) start in fewer than two different waves: nobody is left to compare with.</summary>
    TooFewCohorts,

    /// <summary>No published wave yet from the plan's first start up to the wave before its last cohort starts.</summary>
    NoWindowWave,

    /// <summary>Too few members have a baseline, or too few to bound the effect by the randomisation at all.</summary>
    TooFewMembers,
}
