namespace PulsePipeline.Workspace.Reports;

/// <summary>What the report's form offers (the ministries and published waves) and what was asked; <see cref="Problem"/> when it cannot be made.</summary>
public sealed record ReportChoice(IReadOnlyList<(string Unit, string Name)> Ministries, IReadOnlyList<string> Waves, string? Unit, string? From, string? To, bool Problem);
