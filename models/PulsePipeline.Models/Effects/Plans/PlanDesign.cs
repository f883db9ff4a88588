using PulsePipeline.Models.Plans;

namespace PulsePipeline.Models.Effects.Plans;

/// <summary>
/// A randomised rollout plan as the estimator reads it: its id, its intervention type and its members with their drawn
/// start waves and strata (withdrawn members included: the analysis is intention-to-treat). From interventions.csv
/// alone the strata are unknown and every member has the empty stratum.
/// </summary>
public sealed record PlanDesign(string Id, string Type, IReadOnlyList<PlanMember> Members);
