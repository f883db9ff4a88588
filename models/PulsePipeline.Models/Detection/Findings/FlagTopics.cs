using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Models.Detection.Findings;

/// <summary>
/// Which construct a flag is about, so a view of one construct marks a flag only where the detector's reasons move
/// that construct: a unit flagged because speak-up safety fell is not marked in the pressure view as if pressure rose.
/// </summary>
public static class FlagTopics
{
    /// <summary>
    /// A unit's flag concerns <paramref name="construct"/> when one of its reasons moves it (<see cref="Reason.IsMoveOf"/>);
    /// a flag stored before reasons were data, or flagged for its response rate alone, concerns every construct.
    /// </summary>
    public static bool Concerns(bool flagged, IReadOnlyList<Reason> reasons, Construct construct)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        var moves = reasons.Where(r => r.Kind is ReasonKind.Moved or ReasonKind.MovedOverTwoWaves or ReasonKind.SteadyTrend && !r.WithinNoise).ToList();
        return flagged && (moves.Count == 0 || moves.Exists(r => r.IsMoveOf(construct)));
    }

    /// <summary>
    /// The organisation's row is flagged when its change is significant and adverse; that concerns a construct whose own
    /// change is adverse at the detector's organisation-wide threshold (<see cref="DetectionSettings.OrganisationSignificanceZ"/>).
    /// </summary>
    public static bool OrganisationConcerns(bool flagged, Construct construct, double? change, double? margin)
    {
        if (!flagged || change is not { } c || margin is not > 0)
        {
            return false;
        }

        var z = c / (margin.Value / DetectionMath.Z95);
        var adverseZ = construct == Construct.SpeakUp ? -z : z;
        return adverseZ >= DetectionSettings.Default.OrganisationSignificanceZ;
    }
}
