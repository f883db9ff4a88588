using System.Diagnostics;

namespace PulsePipeline.Lab.Bench;

/// <summary>
/// Samples this process's memory every 50 ms while a stage runs: the managed heap (bytes allocated and not yet
/// collected, <see cref="GC.GetTotalMemory(bool)"/>) and the working set. The bench runs the whole pipeline in
/// this process, so the peaks are the pipeline's (plus the bench's own driver, which streams what it needs).
/// </summary>
internal sealed class MemorySampler : IAsyncDisposable, IDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private long peakHeap;
    private long peakWorkingSet;

    private MemorySampler()
    {
        Sample();
        loop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
            while (await timer.WaitForNextTickAsync(stop.Token).ConfigureAwait(false))
            {
                Sample();
            }
        });
    }

    /// <summary>Starts sampling after a full collection, so a stage does not inherit the garbage of the one before.</summary>
    public static MemorySampler Start()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return new MemorySampler();
    }

    public long PeakHeapBytes => Interlocked.Read(ref peakHeap);

    public long PeakWorkingSetBytes => Interlocked.Read(ref peakWorkingSet);

    public async ValueTask DisposeAsync()
    {
        if (stop.IsCancellationRequested)
        {
            return;
        }

        await stop.CancelAsync();
        try
        {
            await loop;
        }
        catch (OperationCanceledException)
        {
            // The sampling loop ends by cancellation.
        }

        Sample();
    }

    public void Dispose() => stop.Dispose();

    private void Sample()
    {
        Max(ref peakHeap, GC.GetTotalMemory(forceFullCollection: false));
        using var process = Process.GetCurrentProcess();
        Max(ref peakWorkingSet, process.WorkingSet64);
    }

    private static void Max(ref long peak, long value)
    {
        var current = Interlocked.Read(ref peak);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref peak, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
