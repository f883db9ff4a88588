using Microsoft.Extensions.Options;
using PulsePipeline.Pipeline.Configuration;

namespace PulsePipeline.Pipeline.Email;

/// <summary>
/// Holds every email this host sends to PULSE_SEND_RATE_PER_MINUTE (0 = unlimited), invitations, reminders and
/// digests alike: the one <see cref="SmtpSessionPool"/> waits here before each send, so no step can go around it.
/// A token bucket refilled evenly through the minute, with at most a second's worth of burst, served first come
/// first served. The limit is per host instance: in Azure, divide the provider's quota by the maximum instance
/// count. It is refilled by the host's <see cref="TimeProvider"/>, so tests can drive it with a fake clock.
/// </summary>
public sealed class SendRateLimiter : IDisposable
{
    private readonly Lock gate = new();
    private readonly Queue<TaskCompletionSource> waiting = new();
    private readonly ITimer? refill;
    private readonly int burst;
    private readonly int tokensPerPeriod;
    private int tokens;

    public SendRateLimiter(IOptions<PulseOptions> options, TimeProvider clock)
    {
        var perMinute = options.Value.SendRatePerMinute;
        if (perMinute <= 0)
        {
            return;
        }

        // Timers tick no finer than ~15 ms, so fast rates refill several tokens every 100 ms instead of one
        // token every few milliseconds.
        (tokensPerPeriod, var period) = perMinute >= 600
            ? (perMinute / 600, TimeSpan.FromMilliseconds(100))
            : (1, TimeSpan.FromTicks(TimeSpan.TicksPerMinute / perMinute));
        burst = Math.Max(tokensPerPeriod, perMinute / 60);
        tokens = burst;
        refill = clock.CreateTimer(_ => Refill(), null, period, period);
    }

    /// <summary>Sends waiting for their turn right now.</summary>
    internal int Waiting
    {
        get
        {
            lock (gate)
            {
                return waiting.Count(w => !w.Task.IsCompleted);
            }
        }
    }

    /// <summary>Returns when this host may send one more email.</summary>
    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        if (refill is null)
        {
            return;
        }

        TaskCompletionSource turn;
        lock (gate)
        {
            if (tokens > 0 && !waiting.Any(w => !w.Task.IsCompleted))
            {
                tokens--;
                return;
            }

            turn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiting.Enqueue(turn);
        }

        // A cancelled wait leaves the queue without taking a token: the next in line gets it.
        await using var registration = cancellationToken.Register(static t => ((TaskCompletionSource)t!).TrySetCanceled(), turn);
        await turn.Task;
    }

    public void Dispose() => refill?.Dispose();

    private void Refill()
    {
        lock (gate)
        {
            tokens = Math.Min(burst, tokens + tokensPerPeriod);
            while (tokens > 0 && waiting.TryDequeue(out var next))
            {
                if (next.TrySetResult())
                {
                    tokens--;
                }
            }
        }
    }
}
