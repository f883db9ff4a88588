namespace PulsePipeline.Lab.Plans;

/// <summary>How many seeded plan worlds `pulse evaluate-plans` draws, and the world where the observational model is wrong.</summary>
public sealed record PlanEvaluationSettings
{
    /// <summary>World w uses seed Seed + w; plan worlds with three plans each.</summary>
    public int Seed { get; init; } = 1;

    public int Worlds { get; init; } = 128;

    public PlanWorldSettings World { get; init; } = new();

    /// <summary>Worlds where every plan member shows an unobserved improvement after its flag, one 40-member plan each.</summary>
    public int ShiftedWorlds { get; init; } = 8;

    public PlanWorldSettings Shifted { get; init; } = new()
    {
        PlanWaves = [8],
        Sizes = [40],
        MinCohorts = 3,
        MaxCohorts = 3,
        Effects = [0.15],
        Heterogeneous = false,
        UnobservedShift = 0.2,
    };

    /// <summary>`--quick`: a quarter of the worlds (every scenario still drawn once), two shifted worlds.</summary>
    public static PlanEvaluationSettings Quick { get; } = new() { Worlds = 32, ShiftedWorlds = 2 };
}
