using PulsePipeline.Models.Detection.Features;
using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Models.Detection;

/// <summary>
/// What the detector says moved in a unit and by how much, with a 95% margin, as <see cref="Reason"/>s. A steady trend
/// is named only when the recent points are steady (<see cref="TrendShapes"/>), not whenever the slope is significant:
/// one jump makes a significant slope too, and the jump itself is already the move of this wave.
/// </summary>
internal static class DetectorReasons
{
    private const double NotableRateFall = 0.15;

    public static IReadOnlyList<Reason> For(UnitWaveEvidence e, bool flagged, OrganisationChange organisation)
    {
        switch (e.Status)
        {
            case UnitFlagStatus.Suppressed:
                return [new Reason(ReasonKind.Suppressed)];
            case UnitFlagStatus.NotEnoughHistory:
                return [new Reason(ReasonKind.NotEnoughHistory, Count: FeatureSpec.MinHistoryWaves)];
        }

        var moved = new List<(double Z, Reason Reason)>();
        Add(moved, Construct.Pressure, e.Pressure!, organisation.Significant ? organisation.PressureChange : null, !flagged);
        Add(moved, Construct.SpeakUp, e.SpeakUp!, organisation.Significant ? organisation.SpeakUpChange : null, !flagged);
        if (!flagged)
        {
            return moved.Count == 0 ? [new Reason(ReasonKind.NoAdverseChange)] : [.. moved.OrderByDescending(m => m.Z).Select(m => m.Reason)];
        }

        var reasons = moved.OrderByDescending(m => m.Z).Select(m => m.Reason).ToList();
        AddTrend(reasons, Construct.Pressure, e.Pressure!, rising: true);
        AddTrend(reasons, Construct.SpeakUp, e.SpeakUp!, rising: false);
        if (e.ResponseRate is { } rate && e.PreviousResponseRate is { } before && before - rate >= NotableRateFall)
        {
            reasons.Add(new Reason(ReasonKind.ResponseRateFell, From: before, To: rate));
        }

        return reasons;
    }

    private static void Add(List<(double, Reason)> moved, Construct construct, ConstructEvidence c, double? organisationChange, bool withinNoise)
    {
        if (c.MaxZ < ShiftDetector.AdverseEvidenceZ)
        {
            return;
        }

        var organisation = organisationChange is { } org && Math.Abs(org) >= 0.005 ? organisationChange : null;
        var reason = c.TwoWaveZ is { } z2 && z2 > c.Z
            ? new Reason(ReasonKind.MovedOverTwoWaves, construct, c.TwoWaveChange, DetectionMath.Z95 * c.TwoWaveSe, organisation, withinNoise)
            : new Reason(ReasonKind.Moved, construct, c.Change, DetectionMath.Z95 * c.Se, organisation, withinNoise);
        moved.Add((c.MaxZ, reason));
    }

    /// <summary>The adverse way for the construct: pressure rising, speak-up safety falling.</summary>
    private static void AddTrend(List<Reason> reasons, Construct construct, ConstructEvidence c, bool rising)
    {
        if (c.TrendZ >= DetectionMath.Z95 && c.Trend is { Shape: TrendShape.Steady } trend && trend.Up == rising)
        {
            reasons.Add(new Reason(ReasonKind.SteadyTrend, construct, Count: trend.Points));
        }
    }
}
