namespace PulsePipeline.Models.Detection.Findings;

/// <summary>
/// One unit's detector verdict in a wave, as <see cref="FlagFindings"/> groups it: where it sits in the wave's tree,
/// whether it is flagged, its published n, and each construct's change against its own history with the 95% margin.
/// </summary>
public sealed record FlagPoint(
    string Unit,
    string Parent,
    bool Flagged,
    long? N,
    double? PressureChange,
    double? PressureMargin,
    double? SpeakUpChange,
    double? SpeakUpMargin);
