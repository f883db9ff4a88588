using PulsePipeline.Pipeline.Email;

namespace PulsePipeline.Lab.Bench;

/// <summary>
/// The baseline `pulse bench invitations` compares the shared limiter with: the in-process token bucket every host
/// had before (SendRateLimiter, removed from the pipeline with the per-instance division of the quota): refilled evenly
/// through the minute, at most a second's worth of burst, first come first served, with nothing shared between hosts.
/// </summary>
internal sealed class InProcessSendLimiter : ISendLimiter, IDisposable
{
    private readonly Lock gate = new();
    private readonly Queue<TaskCompletionSource> waiting = new();
    private readonly ITimer refill;
    private readonly int burst;
    private readonly int tokensPerPeriod;
    private int tokens;

    public InProcessSendLimiter(int perMinute, TimeProvider clock)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perMinute, 1);
        (tokensPerPeriod, var period) = perMinute >= 600
            ? (perMinute / 600, TimeSpan.FromMilliseconds(100))
            : (1, TimeSpan.FromTicks(TimeSpan.TicksPerMinute / perMinute));
        burst = Math.Max(tokensPerPeriod, perMinute / 60);
        tokens = burst;
        refill = clock.CreateTimer(_ => Refill(), null, period, period);
    }

    public async ValueTask<SendTurn> TakeAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource turn;
        lock (gate)
        {
            if (tokens > 0 && !waiting.Any(w => !w.Task.IsCompleted))
            {
                tokens--;
                return SendTurn.Unlimited;
            }

            turn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiting.Enqueue(turn);
        }

        await using var registration = cancellationToken.Register(static t => ((TaskCompletionSource)t!).TrySetCanceled(), turn);
        await turn.Task;
        return SendTurn.Unlimited;
    }

    public Task BackOffAsync(TimeSpan delay, string reason, CancellationToken cancellationToken) => Task.Delay(delay, cancellationToken);

    public void Dispose() => refill.Dispose();

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
