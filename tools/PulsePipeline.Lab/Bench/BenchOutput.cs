using System.Globalization;

namespace PulsePipeline.Lab.Bench;

/// <summary>The bench's printed figures: one line per stage, ratios with their target and whether it was met.</summary>
internal static class BenchOutput
{
    public static void Stage(StageResult s) =>
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  {s.Name,-34} {s.Elapsed.TotalSeconds,9:0.00} s  {s.Items,8} {s.Unit,-11} {s.Rate,9:0.0}/s   peak heap {Mib(s.PeakHeapBytes),6:0} MiB, working set {Mib(s.PeakWorkingSetBytes),6:0} MiB"));

    /// <summary>Prints pipeline ÷ raw and the target, if there is one; a missed target is reported, not failed.</summary>
    public static void Ratio(string what, double pipeline, double raw, double? target = null)
    {
        var ratio = pipeline / raw;
        var verdict = target is { } t ? string.Create(CultureInfo.InvariantCulture, $" (target ≥ {t:P0}: {(ratio >= t ? "met" : "NOT met")})") : "";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {what}: pipeline {pipeline:0.0}/s ÷ raw {raw:0.0}/s = {ratio:P0}{verdict}"));
    }

    public static double Mib(long bytes) => bytes / (1024.0 * 1024.0);

    public static void Heading(string text) => Console.WriteLine(text);
}
