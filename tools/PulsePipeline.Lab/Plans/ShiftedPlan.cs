using PulsePipeline.Models.Effects;
using PulsePipeline.Models.Effects.Plans;

namespace PulsePipeline.Lab.Plans;

/// <summary>
/// A plan in a world where its members differ from every other unit by an unobserved shift: the plan's estimate and
/// the observational pooled estimate of the same units (<see cref="EffectEstimator"/> with the members as its
/// interventions), each beside the truth it estimates.
/// </summary>
public sealed record ShiftedPlan(int World, PlanEffect Plan, double PlanTruth, PooledEffect Observational, double ObservationalTruth)
{
    public double? PlanError => Plan.Estimate - PlanTruth;

    public double? ObservationalError => Observational.Estimate - ObservationalTruth;

    public bool PlanCovered => Plan.CiLow <= PlanTruth && PlanTruth <= Plan.CiHigh;

    public bool ObservationalCovered => Observational.CiLow <= ObservationalTruth && ObservationalTruth <= Observational.CiHigh;
}
