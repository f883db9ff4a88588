using System.Globalization;

namespace PulsePipeline.Cli.Bench;

/// <summary>The bench's printed figures: one line per stage, ratios with their target and whether it was met.</summary>
internal static class BenchOutput
{
    public static void Stage(StageResult s) =>
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  {s.Name,-34} {s.Elapsed.TotalSeconds,9:0.00} s  {s.Items,8} {s.Unit,-11} {s.Rate,9:0.0}/s   peak heap {Mib(s.PeakHeapBytes),6:0} MiB, working set {Mib(s.PeakWorkingSetBytes),6:0} MiB"));

    /// <summary>Prints pipeline ÷ raw and the target; a missed target is reported, not failed.</summary>
    public static bool Ratio(string what, double pipeline, double raw, double target)
    {
        var ratio = pipeline / raw;
        var met = ratio >= target;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  {what}: pipeline {pipeline:0.0}/s ÷ raw {raw:0.0}/s = {ratio:P0} (target ≥ {target:P0}: {(met ? "met" : "NOT met")})"));
        return met;
    }

    public static double Mib(long bytes) => bytes / (1024.0 * 1024.0);

    public static void Heading(string text) => Console.WriteLine(text);
}
