using PulsePipeline.Models.Detection;

namespace PulsePipeline.Lab.Effects;

/// <summary>
/// What the grid's targets leave to chance. For an estimator whose intervals covered exactly one share
/// of true effects in every cell and band (and so labelled the rest of the zero effects), each cell's coverage and
/// zero-label figure still scatters binomially at the cell's own number of effects: the expected number of coverage
/// and zero-label targets missed by that scatter alone, and the chance that none is. And the chance that every pooled
/// 95% interval covers, which no calibrated interval can promise over hundreds of them.
/// </summary>
public static class ChanceMisses
{
    public static (double Expected, double AllMet) Calibration(EffectEvaluationReport report, double coverage)
    {
        ArgumentNullException.ThrowIfNull(report);
        var met = new List<double>();
        foreach (var cell in report.Cells)
        {
            met.Add(Within(coverage, cell.Overall.Conclusive));
            met.Add(cell.ByBand.Where(b => b.Conclusive >= report.Settings.MinJudged).Aggregate(1.0, (p, b) => p * Within(coverage, b.Conclusive)));
            met.Add(AtMost(1 - coverage, cell.Overall.ZeroEffects, EffectCellResult.MaxZeroLabelled));
        }

        met.AddRange(report.SmallBandsPooled.Where(b => b.Conclusive > 0).Select(b => Within(coverage, b.Conclusive)));
        return (met.Sum(p => 1 - p), met.Aggregate(1.0, (a, p) => a * p));
    }

    /// <summary>The chance that every one of <paramref name="intervals"/> independent intervals covers.</summary>
    public static double AllCover(int intervals, double coverage) => Math.Pow(coverage, intervals);

    private static double Within(double p, int n)
    {
        if (n == 0)
        {
            return 1;
        }

        var se = Math.Sqrt(p * (1 - p) / n);
        return DetectionMath.NormalCdf((EffectCellResult.MaxCoverage - p) / se) - DetectionMath.NormalCdf((EffectCellResult.MinCoverage - p) / se);
    }

    private static double AtMost(double p, int n, double limit) =>
        n == 0 ? 1 : DetectionMath.NormalCdf((limit - p) / Math.Sqrt(p * (1 - p) / n));
}
