using PulsePipeline.Models.Detection;

namespace PulsePipeline.Models.Workspace;

/// <summary>
/// The figures the workspace may compute, each from one unit's own published rows (privacy rule 6 allows
/// nothing else): the 95% interval of a published mean, the change between two of the unit's own published means with
/// its 95% interval, and an answer's share of a published item count.
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

    /// <summary>
    /// The change from one of a unit's published means to a later one, with a 95% interval that treats the two waves as
    /// independent samples: (later − earlier) ± 1.96 √(sd₁²/n₁ + sd₂²/n₂). Many of the same people answer both waves,
    /// which makes the true interval narrower, so this one errs on the wide side. Null when either row lacks figures.
    /// </summary>
    public static (double Change, double Low, double High)? Change95(double? earlierMean, double? earlierSd, long? earlierN, double? laterMean, double? laterSd, long? laterN)
    {
        if (earlierMean is not { } m1 || earlierSd is not { } s1 || earlierN is not > 0 || laterMean is not { } m2 || laterSd is not { } s2 || laterN is not > 0)
        {
            return null;
        }

        var half = Z95 * Math.Sqrt((s1 * s1 / earlierN.Value) + (s2 * s2 / laterN.Value));
        return (m2 - m1, m2 - m1 - half, m2 - m1 + half);
    }

    /// <summary>The share (0–1) of one answer among an item's published counts; null when there are none.</summary>
    public static double? Share(IReadOnlyList<long> counts, int answerIndex)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var total = counts.Sum();
        return total <= 0 || answerIndex < 0 || answerIndex >= counts.Count ? null : (double)counts[answerIndex] / total;
    }
}
