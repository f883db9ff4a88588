using PulsePipeline.Models.Interventions;

namespace PulsePipeline.Models.Alerts;

/// <summary>An intervention of the catalogue (<see cref="InterventionTypes"/>) the digest suggests for a unit, and why.</summary>
public sealed record Suggestion(InterventionType Type, SuggestionReason Because);
