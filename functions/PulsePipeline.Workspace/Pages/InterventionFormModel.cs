using PulsePipeline.Models.Interventions;
using PulsePipeline.Pipeline.Interventions;

namespace PulsePipeline.Workspace.Pages;

/// <summary>
/// The record or change form: the values to show (as entered, so nothing typed is lost on a refusal), the version the
/// change is based on (a hidden field), the problems by field, and on a conflict the version someone else saved.
/// </summary>
public sealed record InterventionFormModel(InterventionRecord Values, string? Version, IReadOnlyList<InterventionProblem> Problems)
{
    /// <summary>The hidden field that carries <see cref="StoredIntervention.Version"/>: a revision number, no time.</summary>
    public const string VersionField = "version";

    public bool IsNew => Version is null;

    public StoredIntervention? Theirs { get; init; }

    /// <summary>"saved", "unchanged" or "ended" after a redirect, to say what happened.</summary>
    public string? Done { get; init; }

    public string UnitName { get; init; } = "";

    /// <summary>The units and start waves the form offers.</summary>
    public FormChoices Choices { get; init; } = FormChoices.None;
}
