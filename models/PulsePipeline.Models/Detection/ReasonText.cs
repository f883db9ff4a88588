using System.Globalization;
using PulsePipeline.Models.Detection.Features;

namespace PulsePipeline.Models.Detection;

/// <summary>Says in words what moved in a unit and by how much, with a 95% margin: "pressure +0.62 (±0.21) vs own history".</summary>
internal static class ReasonText
{
    private const double NotableRateFall = 0.15;

    public static IReadOnlyList<string> For(UnitWaveEvidence e, bool flagged, OrganisationChange organisation)
    {
        switch (e.Status)
        {
            case UnitFlagStatus.Suppressed:
                return ["suppressed this wave (too few respondents to publish)"];
            case UnitFlagStatus.NotEnoughHistory:
                return [$"not enough history yet: {FeatureSpec.MinHistoryWaves} earlier published waves needed"];
        }

        var moved = new List<(double Z, string Text)>();
        Add(moved, "pressure", e.Pressure!, organisation.Significant ? organisation.PressureChange : null);
        Add(moved, "speak-up safety", e.SpeakUp!, organisation.Significant ? organisation.SpeakUpChange : null);
        if (!flagged)
        {
            return moved.Count == 0 ? ["no adverse change beyond noise"] : [.. moved.OrderByDescending(m => m.Z).Select(m => m.Text + ", within noise")];
        }

        var reasons = moved.OrderByDescending(m => m.Z).Select(m => m.Text).ToList();
        if (e.Pressure!.TrendZ >= DetectionMath.Z95)
        {
            reasons.Add("pressure rising steadily over recent waves");
        }

        if (e.SpeakUp!.TrendZ >= DetectionMath.Z95)
        {
            reasons.Add("speak-up safety falling steadily over recent waves");
        }

        if (e.ResponseRate is { } rate && e.PreviousResponseRate is { } before && before - rate >= NotableRateFall)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"response rate fell from {before:0%} to {rate:0%}"));
        }

        return reasons;
    }

    public static string Signed(double value) => value.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture);

    public static string Margin(double se) => (DetectionMath.Z95 * se).ToString("0.00", CultureInfo.InvariantCulture);

    private static void Add(List<(double, string)> moved, string name, ConstructEvidence c, double? organisationChange)
    {
        if (c.MaxZ < ShiftDetector.AdverseEvidenceZ)
        {
            return;
        }

        var text = c.TwoWaveZ is { } z2 && z2 > c.Z
            ? $"{name} {Signed(c.TwoWaveChange!.Value)} (±{Margin(c.TwoWaveSe!.Value)}) over this and the previous wave vs own history"
            : $"{name} {Signed(c.Change)} (±{Margin(c.Se)}) vs own history";
        if (organisationChange is { } org && Math.Abs(org) >= 0.005)
        {
            text += $", beyond the organisation-wide {Signed(org)}";
        }

        moved.Add((c.MaxZ, text));
    }
}
