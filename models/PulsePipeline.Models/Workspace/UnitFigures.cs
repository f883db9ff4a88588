using PulsePipeline.Models.Detection;

namespace PulsePipeline.Models.Workspace;

/// <summary>
/// The figures the workspace may compute, each from one unit's own published row (privacy rule 6 allows
/// nothing else): the 95% interval of a published mean, and an answer's share of a published item count.
/// </summary>
public static class UnitFigures
{
    /// <summary>The z value of a two-sided 95% interval, the same as the detector's margins use.</summary>
    public const double Z95 = DetectionMath.Z95;

    /// <summary>mean ± 1.96 SD/√n; null when the row has no figures or n is not positive.</summary>
    public static (double Low, double High)? Interval95(double? mean, double? sd, long? n)
    {
        if (mean is not { } m || sd is not { } s || n is not { } count || count <= 0)
        {
            return null;
        }

        var half = Z95 * s / Math.Sqrt(count);
        return (m - half, m + half);
    }

    /// <summary>The share (0–1) of one answer among an item's published counts; null when there are none.</summary>
    public static double? Share(IReadOnlyList<long> counts, int answerIndex)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var total = counts.Sum();
        return total <= 0 || answerIndex < 0 || answerIndex >= counts.Count ? null : (double)counts[answerIndex] / total;
    }
}
