namespace PulsePipeline.Pipeline.Plans;

/// <summary>
/// A plan to register, as `pulse plans add` and the workspace form give it. <paramref name="Units"/> null means the
/// default: the units flagged in the latest published wave without a planned or running intervention. Either
/// <paramref name="Capacity"/> (units per wave) or <paramref name="Cohorts"/>; either <paramref name="FirstStartWave"/>
/// (the cohorts then follow the wave schedule) or every cohort's <paramref name="StartWaves"/> (wave ids not named by the
/// schedule, e.g. an imported history's months).
/// </summary>
public sealed record PlanRequest(
    string Type,
    IReadOnlyList<string>? Units,
    int? Capacity,
    int? Cohorts,
    string? FirstStartWave,
    IReadOnlyList<string>? StartWaves,
    string Strata,
    IReadOnlyList<string> Constructs,
    string Owner);
