namespace PulsePipeline.Workspace.Rendering;

/// <summary>How a figure is written: a mean or SD (two decimals), a signed change, a count, or a share as a percentage.</summary>
public enum FigureKind
{
    TwoDecimals,
    Change,
    Count,
    Percent,
}
