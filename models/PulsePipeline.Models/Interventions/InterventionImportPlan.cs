using PulsePipeline.Models.Csv;

namespace PulsePipeline.Models.Interventions;

/// <summary>
/// What an import would do: interventions to add (an empty id is assigned on storing), stored ones to update, how
/// many rows match what is stored already, and every problem with its line. Nothing is written unless there are none.
/// </summary>
public sealed record InterventionImportPlan(
    IReadOnlyList<InterventionRecord> Added,
    IReadOnlyList<InterventionChange> Updated,
    int Unchanged,
    IReadOnlyList<CsvProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}
