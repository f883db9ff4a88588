namespace PulsePipeline.Lab.Bench;

/// <summary>One stage of a bench run: what it did, how long it took and the most memory it held.</summary>
internal sealed record StageResult(string Name, TimeSpan Elapsed, long Items, string Unit, long PeakHeapBytes, long PeakWorkingSetBytes)
{
    public double Rate => Items / Math.Max(Elapsed.TotalSeconds, 1e-9);
}
