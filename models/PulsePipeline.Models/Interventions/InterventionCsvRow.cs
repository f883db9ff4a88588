namespace PulsePipeline.Models.Interventions;

/// <summary>
/// One row of interventions.csv as written, with the line it starts on. An optional column the file does not have
/// is null (the import then keeps the stored value or uses the default); a column it has but left empty is "".
/// </summary>
public sealed record InterventionCsvRow(int Line, string? Id, string Unit, string Type, string StartWave, string? Status, string? Owner, string? Notes, string? Plan = null);
