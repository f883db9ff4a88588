namespace PulsePipeline.Workspace.Rendering;

/// <summary>
/// What a heatmap cell says about a unit in a wave, for one construct: only the detector's decision
/// (<see cref="Models.Detection.Findings.FlagTopics"/>). Every other change is shown with its interval and no verdict.
/// </summary>
public enum CellMark
{
    /// <summary>The detector flagged the unit, and its reasons move this construct.</summary>
    Flagged,

    /// <summary>The detector flagged the unit for the other construct.</summary>
    FlaggedOtherTopic,

    /// <summary>Not flagged: the change is shown with its interval, without a verdict.</summary>
    NotFlagged,
}
