namespace PulsePipeline.Workspace.Pages;

/// <summary>
/// The registry as a list, filtered by type, status and ministry (the unit's top-level unit in the latest published
/// wave). A list of what IPIM recorded: it carries no survey figure, so filtering forms no new aggregate.
/// </summary>
public sealed record InterventionsModel(
    IReadOnlyList<ListedIntervention> Interventions,
    string? Type,
    string? Status,
    string? Ministry,
    IReadOnlyList<(string Unit, string Name)> Ministries);
