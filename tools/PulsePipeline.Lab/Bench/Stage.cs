using System.Diagnostics;

namespace PulsePipeline.Lab.Bench;

/// <summary>Times one stage and samples memory while it runs.</summary>
internal static class Stage
{
    public static async Task<StageResult> RunAsync(string name, string unit, Func<Task<long>> work)
    {
        using var memory = MemorySampler.Start();
        var clock = Stopwatch.StartNew();
        var items = await work();
        clock.Stop();
        await memory.DisposeAsync();
        var result = new StageResult(name, clock.Elapsed, items, unit, memory.PeakHeapBytes, memory.PeakWorkingSetBytes);
        BenchOutput.Stage(result);
        return result;
    }
}
