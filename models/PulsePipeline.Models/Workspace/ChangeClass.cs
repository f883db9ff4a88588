namespace PulsePipeline.Models.Workspace;

/// <summary>
/// How a unit's change in one construct against its own history reads, judged against its own 95% margin.
/// "Worse" always means worse for integrity (pressure up, speak-up safety down), whatever the sign.
/// </summary>
public enum ChangeClass
{
    /// <summary>An adverse change whose 95% interval excludes 0.</summary>
    ClearlyWorse,

    /// <summary>An adverse change of at least half its margin that is still within noise.</summary>
    Worse,

    /// <summary>Less than half the margin either way.</summary>
    NoClearChange,

    /// <summary>A favourable change of at least half its margin that is still within noise.</summary>
    Better,

    /// <summary>A favourable change whose 95% interval excludes 0.</summary>
    ClearlyBetter,
}
