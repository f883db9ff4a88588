namespace PulsePipeline.Models.Effects;

/// <summary>
/// An intervention as the estimator needs it: a stable id (the registry's id, or for the CSV contract
/// <c>unit|type|start</c>), the unit, the catalogue type id and the first wave whose answers may show it.
/// </summary>
public sealed record PlannedIntervention(string Id, string Unit, string Type, string StartWave);
