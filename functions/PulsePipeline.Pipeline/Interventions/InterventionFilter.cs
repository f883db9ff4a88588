namespace PulsePipeline.Pipeline.Interventions;

/// <summary>Which interventions to list: any combination of one unit, one status and one type; null means any.</summary>
public sealed record InterventionFilter(string? Unit = null, string? Status = null, string? Type = null)
{
    public static InterventionFilter All { get; } = new();
}
