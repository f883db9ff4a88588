namespace PulsePipeline.Models.Plans;

/// <summary>An eligible unit as the draw takes it: its id and its stratum label (empty when the plan has no strata).</summary>
public sealed record PlanCandidate(string Unit, string Stratum);
