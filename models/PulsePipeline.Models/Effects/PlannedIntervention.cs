namespace PulsePipeline.Models.Effects;

/// <summary>
/// An intervention as the estimator needs it: a stable id (the registry's id, or for the CSV contract
/// <c>unit|type|start</c>), the unit, the catalogue type id and the first wave whose answers may show it.
/// </summary>
public sealed record PlannedIntervention(string Id, string Unit, string Type, string StartWave)
{
    /// <summary>The randomised rollout plan it belongs to (empty for none): members of one plan are estimated together as well.</summary>
    public string Plan { get; init; } = "";
}
