namespace PulsePipeline.Models.Interventions;

/// <summary>
/// The names of an intervention's fields, as interventions.csv's columns and as the workspace form's inputs, so a
/// problem can point at the column or the input to fix.
/// </summary>
public static class InterventionFields
{
    public const string Id = "id";
    public const string Unit = "unit";
    public const string Type = "intervention";
    public const string StartWave = "start_wave";
    public const string Status = "status";
    public const string Owner = "owner";
    public const string Notes = "notes";
    public const string Plan = "plan";
}
