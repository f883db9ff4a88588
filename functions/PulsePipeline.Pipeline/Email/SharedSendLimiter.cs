using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PulsePipeline.Models.Sending;
using PulsePipeline.Pipeline.Configuration;

namespace PulsePipeline.Pipeline.Email;

/// <summary>
/// Holds every email of every host instance and function group to PULSE_SEND_LIMITS in any sliding window, through one
/// <see cref="SendLedger"/> row in table storage. A host takes a grant of several sends at once (<see cref="GrantSizes"/>),
/// hands out turns from it, and closes it with what it used and when the last send ended, returning the rest
/// (<see cref="HostGrants"/>). A host that stops sending closes its grants within <see cref="IdleClose"/>; one that
/// crashes loses them after <see cref="HeldGrant.Lease"/>. When the mail server asks to slow down, the pause goes into
/// the ledger and every host waits. Without limits it only keeps this host's pauses. Times are the hosts' clocks, which
/// in Azure the platform keeps in step.
/// </summary>
public sealed class SharedSendLimiter : ISendLimiter, IAsyncDisposable
{
    public static readonly TimeSpan IdleClose = TimeSpan.FromMilliseconds(250);

    private readonly SendLedgerStore store;
    private readonly TimeProvider clock;
    private readonly ILogger<SharedSendLimiter> logger;
    private readonly IReadOnlyList<SendLimit> limits;
    private readonly TimeSpan poll;
    private readonly HostGrants grants;
    private readonly SemaphoreSlim writing = new(1, 1);
    private readonly ITimer idleTimer;
    private long pausedUntil;
    private int waiting;
    private int issued;

    public SharedSendLimiter(SendLedgerStore store, IOptions<PulseOptions> options, TimeProvider clock, ILogger<SharedSendLimiter> logger)
    {
        this.store = store;
        this.clock = clock;
        this.logger = logger;
        limits = options.Value.SendLimitList;
        // Waiting hosts look again at least this often: grants are usually closed long before their lease ends.
        poll = limits.Count == 0 ? TimeSpan.Zero : Clamp(limits[0].Window / 16, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(2));
        grants = new HostGrants(limits);
        idleTimer = clock.CreateTimer(_ => _ = CloseIdleAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Callers waiting for a turn right now (for tests).</summary>
    public int Waiting => Volatile.Read(ref waiting);

    /// <summary>Turns this host has handed out (for tests and the bench).</summary>
    public int Issued => Volatile.Read(ref issued);

    public async ValueTask<SendTurn> TakeAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref waiting);
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var now = clock.GetUtcNow();
                var wait = new DateTimeOffset(Interlocked.Read(ref pausedUntil), TimeSpan.Zero) - now;
                if (wait <= TimeSpan.Zero)
                {
                    if (limits.Count == 0)
                    {
                        return SendTurn.Unlimited;
                    }

                    if (grants.TryTake(now, out var prefetch) is { } grant)
                    {
                        if (prefetch)
                        {
                            _ = PrefetchAsync();
                        }

                        Interlocked.Increment(ref issued);
                        return new SendTurn(grant.Deadline, () => Ended(grant));
                    }

                    wait = await SyncAsync(grant: true, pause: null, prefetch: false, cancellationToken);
                }

                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, clock, cancellationToken);
                }
            }
        }
        finally
        {
            Interlocked.Decrement(ref waiting);
        }
    }

    public async Task BackOffAsync(TimeSpan delay, string reason, CancellationToken cancellationToken)
    {
        var until = clock.GetUtcNow() + delay;
        long seen;
        while ((seen = Interlocked.Read(ref pausedUntil)) < until.UtcTicks && Interlocked.CompareExchange(ref pausedUntil, until.UtcTicks, seen) != seen)
        {
        }

        grants.RetireAll();
        logger.LogWarning("No email goes out, on any host, for {Delay}: {Reason}", delay, reason);
        if (limits.Count > 0)
        {
            await SyncAsync(grant: false, pause: until, prefetch: false, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await idleTimer.DisposeAsync();
        grants.RetireAll();
        if (limits.Count > 0)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await SyncAsync(grant: false, pause: null, prefetch: false, timeout.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or Azure.RequestFailedException)
            {
                // A grant left open ends with its lease: nothing is over-sent, some capacity waits a minute longer.
            }
        }
    }

    private void Ended(HeldGrant grant)
    {
        if (grants.End(grant, clock.GetUtcNow()) && Volatile.Read(ref waiting) == 0)
        {
            idleTimer.Change(IdleClose, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task PrefetchAsync()
    {
        try
        {
            await SyncAsync(grant: true, pause: null, prefetch: true, CancellationToken.None);
        }
        catch (Exception e) when (e is Azure.RequestFailedException or InvalidDataException or ObjectDisposedException or OperationCanceledException or IOException)
        {
            grants.PrefetchFailed();
            logger.LogWarning("Asking ahead for the next send grant failed ({Error}); it is asked for when needed", e.GetType().Name);
        }
    }

    /// <summary>Nobody has asked for a turn for <see cref="IdleClose"/>: close the grants, returning what is unused.</summary>
    private async Task CloseIdleAsync()
    {
        try
        {
            // A caller waiting for a turn closes what is done when it asks for its grant.
            if (Volatile.Read(ref waiting) == 0 && grants.RetireIfIdle())
            {
                await SyncAsync(grant: false, pause: null, prefetch: false, CancellationToken.None);
            }
        }
        catch (Exception e) when (e is Azure.RequestFailedException or InvalidDataException or ObjectDisposedException)
        {
            logger.LogWarning("Closing an idle send grant failed ({Error}); it ends with its lease", e.GetType().Name);
        }
    }

    /// <summary>
    /// One write of the ledger by this host: closes its grants that are done, records a pause, and (when
    /// <paramref name="grant"/>) asks for a new grant. Returns how long to wait before asking again; zero when a grant
    /// was had, another caller had already got one, or none was asked for.
    /// </summary>
    private async Task<TimeSpan> SyncAsync(bool grant, DateTimeOffset? pause, bool prefetch, CancellationToken cancellationToken)
    {
        await writing.WaitAsync(cancellationToken);
        try
        {
            var plan = grants.Plan(grant, prefetch, pause is not null, clock.GetUtcNow());
            if (plan is null)
            {
                return TimeSpan.Zero;
            }

            var (size, closing) = plan.Value;

            var id = Random.Shared.NextInt64();
            var (granted, retryAt) = await store.UpdateAsync(
                ledger =>
                {
                    var now = clock.GetUtcNow();
                    ledger.Compact(now, limits);
                    closing.ForEach(g => ledger.Close(g.Id, g.Taken, g.LastEnd));
                    if (pause is { } until)
                    {
                        ledger.Pause(until);
                    }

                    var had = size > 0 ? ledger.TryGrant(id, size, now, HeldGrant.Lease, limits) : null;
                    var retry = had is null && size > 0 ? now + Clamp(ledger.NextCapacity(now, limits) - now, TimeSpan.FromMilliseconds(10), poll) : now;
                    return ((had, retry), had is not null || closing.Count > 0 || pause is not null);
                },
                result => result.had is not null || size == 0,
                cancellationToken);
            var at = clock.GetUtcNow();
            grants.Apply(closing, granted, prefetch, retryAt, at);
            return granted is null && size > 0 && !prefetch ? Clamp(retryAt - at, TimeSpan.FromMilliseconds(10), poll) : TimeSpan.Zero;
        }
        finally
        {
            writing.Release();
        }
    }

    private static TimeSpan Clamp(TimeSpan value, TimeSpan least, TimeSpan most) => value < least ? least : value > most ? most : value;
}
