using PulsePipeline.Models.Interventions;

namespace PulsePipeline.Pipeline.Interventions;

/// <summary>
/// What an import did: its plan (with every problem when it was refused and nothing written), how many interventions
/// were written, and, when a concurrent change stopped it part-way, what happened (importing the file again applies
/// the rest: rows match by id or by unit, type and start wave).
/// </summary>
public sealed record InterventionImportResult(InterventionImportPlan Plan, int Written, string? Failure)
{
    public bool Complete => Plan.IsValid && Failure is null;
}
