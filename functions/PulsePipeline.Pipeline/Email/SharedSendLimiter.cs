using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PulsePipeline.Models.Sending;
using PulsePipeline.Pipeline.Configuration;

namespace PulsePipeline.Pipeline.Email;

/// <summary>
/// Holds every email of every host instance and function group to PULSE_SEND_LIMITS in any sliding window, through one
/// <see cref="SendLedger"/> row in table storage. A host takes a grant of several sends at once (one storage request
/// for many emails: the grant doubles while the host uses it up quickly), hands out turns from it, and closes it with
/// what it used and when the last send ended, returning the rest. A host that stops sending closes its grant within
/// <see cref="IdleClose"/>; one that crashes loses it after <see cref="HeldGrant.Lease"/>. When the mail server asks to slow
/// down, the pause goes into the ledger and every host waits. Without limits it only keeps this host's pauses.
/// Times are the hosts' clocks, which in Azure are kept in step by the platform.
/// </summary>
public sealed class SharedSendLimiter : ISendLimiter, IAsyncDisposable
{
    public static readonly TimeSpan IdleClose = TimeSpan.FromMilliseconds(250);

    private readonly SendLedgerStore store;
    private readonly TimeProvider clock;
    private readonly ILogger<SharedSendLimiter> logger;
    private readonly IReadOnlyList<SendLimit> limits;
    private readonly TimeSpan poll;
    private readonly GrantSizes sizes;
    private readonly Lock state = new();
    private readonly SemaphoreSlim writing = new(1, 1);
    private readonly List<HeldGrant> held = [];
    private readonly ITimer idleTimer;
    private HeldGrant? current;
    private DateTimeOffset pausedUntil = DateTimeOffset.MinValue;
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
        sizes = new GrantSizes(limits);
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
                TimeSpan wait;
                lock (state)
                {
                    wait = pausedUntil - now;
                    if (wait <= TimeSpan.Zero && (limits.Count == 0 || (current?.TryTake(now) ?? false)))
                    {
                        return limits.Count == 0 ? SendTurn.Unlimited : Issue(current!);
                    }
                }

                if (wait <= TimeSpan.Zero)
                {
                    wait = await SyncAsync(grant: true, pause: null, cancellationToken);
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
        lock (state)
        {
            pausedUntil = until > pausedUntil ? until : pausedUntil;
            current?.Retire();
        }

        logger.LogWarning("No email goes out, on any host, for {Delay}: {Reason}", delay, reason);
        if (limits.Count > 0)
        {
            await SyncAsync(grant: false, pause: until, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await idleTimer.DisposeAsync();
        lock (state)
        {
            current?.Retire();
        }

        if (limits.Count > 0)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await SyncAsync(grant: false, pause: null, timeout.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or Azure.RequestFailedException)
            {
                // A grant left open ends with its lease: nothing is over-sent, some capacity waits a minute longer.
            }
        }
    }

    private SendTurn Issue(HeldGrant grant)
    {
        Interlocked.Increment(ref issued);
        return new(grant.Deadline, () => Ended(grant));
    }

    private void Ended(HeldGrant grant)
    {
        lock (state)
        {
            grant.End(clock.GetUtcNow());
            if (grant.Ended == grant.Taken && Volatile.Read(ref waiting) == 0)
            {
                idleTimer.Change(IdleClose, Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <summary>Nobody has asked for a turn for <see cref="IdleClose"/>: close the grants that are done, returning what is unused.</summary>
    private async Task CloseIdleAsync()
    {
        try
        {
            lock (state)
            {
                if (Volatile.Read(ref waiting) > 0 || current is not { } grant || grant.Ended != grant.Taken)
                {
                    return; // a caller waiting for a turn closes what is done when it asks for its grant
                }

                grant.Retire();
            }

            await SyncAsync(grant: false, pause: null, CancellationToken.None);
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
    private async Task<TimeSpan> SyncAsync(bool grant, DateTimeOffset? pause, CancellationToken cancellationToken)
    {
        await writing.WaitAsync(cancellationToken);
        try
        {
            List<HeldGrant> closing;
            int size;
            lock (state)
            {
                if (grant && current is { } live && live.CanTake(clock.GetUtcNow()))
                {
                    return TimeSpan.Zero;
                }

                size = grant ? sizes.Next(current, clock.GetUtcNow()) : 0;
                current?.Retire();
                closing = [.. held.Where(g => g.Closable)];
                if (size == 0 && closing.Count == 0 && pause is null)
                {
                    return TimeSpan.Zero;
                }
            }

            var id = Random.Shared.NextInt64();
            var (granted, wait) = await store.UpdateAsync(
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
                    var next = size > 0 && had is null ? Clamp(ledger.NextCapacity(now, limits) - now, TimeSpan.FromMilliseconds(10), poll) : TimeSpan.Zero;
                    return ((had, next), had is not null || closing.Count > 0 || pause is not null);
                },
                result => result.had is not null || size == 0,
                cancellationToken);
            lock (state)
            {
                held.RemoveAll(closing.Contains);
                if (granted is not null)
                {
                    current = new HeldGrant(granted, clock.GetUtcNow());
                    held.Add(current);
                }
            }

            return wait;
        }
        finally
        {
            writing.Release();
        }
    }

    private static TimeSpan Clamp(TimeSpan value, TimeSpan least, TimeSpan most) => value < least ? least : value > most ? most : value;
}
