using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Models.Detection;

/// <summary>
/// One thing the detector says about a unit in a wave, as data rather than words: the digest words it in its
/// reader's language and the flags CSV in English (<see cref="ReasonTexts"/>). Changes are in scale points as
/// measured, margins are 95%; <see cref="OrganisationChange"/> is the organisation-wide change taken out of it,
/// when there was a significant one; <see cref="WithinNoise"/> marks a move reported for an unflagged unit.
/// </summary>
public sealed record Reason(
    ReasonKind Kind,
    Construct? Construct = null,
    double? Change = null,
    double? Margin = null,
    double? OrganisationChange = null,
    bool WithinNoise = false,
    int? Count = null,
    double? From = null,
    double? To = null)
{
    /// <summary>A move of <paramref name="construct"/> that counts for the flag (not within noise).</summary>
    public bool IsMoveOf(Construct construct) =>
        Kind is ReasonKind.Moved or ReasonKind.MovedOverTwoWaves or ReasonKind.SteadyTrend && Construct == construct && !WithinNoise;
}
