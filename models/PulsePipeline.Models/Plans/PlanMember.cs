namespace PulsePipeline.Models.Plans;

/// <summary>
/// One unit of a drawn plan: its stratum label (empty without strata), its cohort (0 starts first) and that cohort's
/// start wave, the first wave whose answers may show the intervention.
/// </summary>
public sealed record PlanMember(string Unit, string Stratum, int Cohort, string StartWave);
