using PulsePipeline.Pipeline.Interventions;

namespace PulsePipeline.Workspace.Pages;

/// <summary>An intervention as a page lists it: as stored, with its unit's name and ministry as published in the latest wave (empty when not in it).</summary>
public sealed record ListedIntervention(StoredIntervention Stored, string UnitName, string Ministry);
