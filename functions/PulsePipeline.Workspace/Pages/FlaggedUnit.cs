using PulsePipeline.Workspace.Reading;

namespace PulsePipeline.Workspace.Pages;

/// <summary>A flagged unit of the overview: its flag row and its name as published in that wave.</summary>
public sealed record FlaggedUnit(string Unit, string Name, FlagRow Flag);
