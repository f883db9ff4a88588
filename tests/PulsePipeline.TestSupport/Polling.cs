using System.Diagnostics;

namespace PulsePipeline.TestSupport;

/// <summary>Waits for a condition by polling with a deadline: never a fixed sleep.</summary>
public static class Polling
{
    public static async Task<T> UntilAsync<T>(Func<CancellationToken, Task<T>> read, Func<T, bool> done, TimeSpan deadline, Action<T>? progress, string what, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await read(cancellationToken);
            progress?.Invoke(value);
            if (done(value))
            {
                return value;
            }

            if (clock.Elapsed > deadline)
            {
                throw new TimeoutException($"{what} did not happen within {deadline.TotalSeconds:0} s (last: {value}).");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }
    }
}
