using System.Globalization;

namespace PulsePipeline.Lab.Bench;

/// <summary>One workspace page's measured requests and its raw reads, alternated; judged on the 95th percentiles.</summary>
internal sealed record WorkspacePageTimes(string Page, IReadOnlyList<double> PageSeconds, IReadOnlyList<double> RawSeconds, long Bytes, long RawRows)
{
    public const double Target = 2.0;

    /// <summary>Nearest rank: the smallest time that at least 95% of the requests took no longer than.</summary>
    public static double P95(IReadOnlyList<double> seconds)
    {
        var sorted = seconds.Order().ToList();
        return sorted[Math.Max(0, (int)Math.Ceiling(0.95 * sorted.Count) - 1)];
    }

    /// <summary>The p95 ratio; null for a page that reads nothing (the catalogue), which has no floor to compare with.</summary>
    public double? Ratio => RawRows == 0 ? null : P95(PageSeconds) / P95(RawSeconds);

    public string Line()
    {
        var verdict = Ratio is { } r ? string.Create(CultureInfo.InvariantCulture, $"{r,5:0.00}× (target ≤ {Target:0}×: {(r <= Target ? "met" : "NOT met")})") : "  n/a (reads no storage)";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"  {Page,-14} page median {Alternation.Median(PageSeconds) * 1000,7:0.0} ms  p95 {P95(PageSeconds) * 1000,7:0.0} ms | raw median {(RawRows == 0 ? 0 : Alternation.Median(RawSeconds)) * 1000,7:0.0} ms  p95 {(RawRows == 0 ? 0 : P95(RawSeconds)) * 1000,7:0.0} ms ({RawRows,5} rows) | p95 ratio {verdict} | {Bytes,9:N0} bytes");
    }
}
