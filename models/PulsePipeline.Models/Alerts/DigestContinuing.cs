namespace PulsePipeline.Models.Alerts;

/// <summary>
/// A finding that stays flagged without having worsened since the digest last raised it: named, with the first wave of
/// its run of flags and the flagged units above it whose flags it explains, but not raised again.
/// </summary>
public sealed record DigestContinuing(string Unit, IReadOnlyList<string> Path, string Since)
{
    public IReadOnlyList<IReadOnlyList<string>> Explains { get; init; } = [];
}
