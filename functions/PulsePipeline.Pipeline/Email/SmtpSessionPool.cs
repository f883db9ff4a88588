namespace PulsePipeline.Pipeline.Email;

/// <summary>
/// Shares a few open mail sessions among every batch in this host instead of opening a connection per batch.
/// At most <see cref="Size"/> sessions exist at once: an SMTP server (smtp4dev locally, the Communication
/// Services relay in Azure) handles a few busy connections far better than dozens, and each saved connect
/// saves a TCP (and in Azure a TLS and AUTH) handshake. A batch holds its session until it is done, then hands
/// it to the next batch. A session that failed in any way is closed, never reused; one idle longer than
/// <see cref="IdleLimit"/> is closed too (servers drop idle connections). If the first email on a reused
/// session fails transiently, it is sent once more on a fresh connection before the failure is reported: the
/// server may have dropped the idle connection, and that must not cost the batch its back-off. Every email sent
/// through a lease first waits for its turn from the <see cref="ISendLimiter"/>: the pool is the only mail sender the
/// pipeline registers, so invitations, reminders and digests all keep to the one limit.
/// </summary>
public sealed class SmtpSessionPool : IMailSender, IAsyncDisposable
{
    public const int DefaultSize = 4;

    public static readonly TimeSpan IdleLimit = TimeSpan.FromSeconds(30);

    /// <summary>The first back-off when the server asks to slow down without saying for how long; it doubles up to 32 times this.</summary>
    public static readonly TimeSpan FirstBackOff = TimeSpan.FromSeconds(15);

    /// <summary>How long one email keeps backing off for a server that asks to slow down before it counts as a failure.</summary>
    public static readonly TimeSpan LongestThrottling = TimeSpan.FromMinutes(15);

    private readonly IMailSender inner;
    private readonly TimeProvider clock;
    private readonly ISendLimiter? limiter;
    private readonly SemaphoreSlim slots;
    private readonly Stack<(IMailSession Session, long ReturnedAt)> idle = new();
    private bool disposed;

    /// <param name="limiter">Where each email waits for its turn; null sends as fast as the server accepts (tests of the pool itself).</param>
    public SmtpSessionPool(IMailSender inner, TimeProvider clock, ISendLimiter? limiter = null, int size = DefaultSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        this.inner = inner;
        this.clock = clock;
        this.limiter = limiter;
        Size = size;
        slots = new SemaphoreSlim(size, size);
    }

    public int Size { get; }

    /// <summary>Sessions open and waiting for the next batch (for tests and the bench).</summary>
    public int IdleCount
    {
        get
        {
            lock (idle)
            {
                return idle.Count;
            }
        }
    }

    /// <summary>Waits for a free slot, then lends an idle session or opens a new one. Dispose the lease to give it back.</summary>
    public async Task<IMailSession> OpenAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        await slots.WaitAsync(cancellationToken);
        try
        {
            while (TakeIdle() is { } entry)
            {
                if (clock.GetElapsedTime(entry.ReturnedAt) <= IdleLimit)
                {
                    return new Lease(this, entry.Session, reused: true);
                }

                await CloseQuietlyAsync(entry.Session);
            }

            return new Lease(this, await inner.OpenAsync(cancellationToken), reused: false);
        }
        catch
        {
            slots.Release();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        while (TakeIdle() is { } entry)
        {
            await CloseQuietlyAsync(entry.Session);
        }
    }

    private (IMailSession Session, long ReturnedAt)? TakeIdle()
    {
        lock (idle)
        {
            return idle.TryPop(out var entry) ? entry : null;
        }
    }

    private async ValueTask ReturnAsync(IMailSession session, bool healthy)
    {
        try
        {
            if (healthy && !disposed)
            {
                lock (idle)
                {
                    idle.Push((session, clock.GetTimestamp()));
                }
            }
            else
            {
                await CloseQuietlyAsync(session);
            }
        }
        finally
        {
            slots.Release();
        }
    }

    private static async ValueTask CloseQuietlyAsync(IMailSession session)
    {
        try
        {
            await session.DisposeAsync();
        }
        catch (MailSendException)
        {
            // Closing a session that is done with changes nothing that was sent.
        }
    }

    /// <summary>A session lent to one batch; disposing it returns the session to the pool (or closes it after a failure).</summary>
    private sealed class Lease(SmtpSessionPool pool, IMailSession session, bool reused) : IMailSession
    {
        private IMailSession current = session;
        private bool mayReconnect = reused;
        private bool healthy = true;
        private bool returned;

        /// <summary>
        /// Sends once per turn. When the server asks to slow down, every host backs off (for as long as it asked, or
        /// doubling from <see cref="FirstBackOff"/>) and the same email goes again on a fresh connection: it was not
        /// accepted, so this never sends it twice. After <see cref="LongestThrottling"/> of that, it fails like any
        /// transient failure and the step retries the rest of its batch later.
        /// </summary>
        public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
        {
            var throttled = TimeSpan.Zero;
            for (var backOffs = 0; ; backOffs++)
            {
                MailSendException slowDown;
                var asked = pool.clock.GetTimestamp();
                using (var turn = pool.limiter is { } limiter ? await limiter.TakeAsync(cancellationToken) : SendTurn.Unlimited)
                {
                    // A connection that waited long for its turn may have been dropped by the server: allow one fresh try.
                    var retryOnFresh = mayReconnect || pool.clock.GetElapsedTime(asked) > IdleLimit;
                    mayReconnect = false;
                    try
                    {
                        if (backOffs > 0)
                        {
                            await ReplaceAsync(cancellationToken); // the server may have closed it (421), or left a transaction half done
                        }

                        await SendOnceAsync(email, turn.Deadline, retryOnFresh, cancellationToken);
                        return;
                    }
                    catch (MailSendException e) when (e.Throttled && throttled < LongestThrottling && !cancellationToken.IsCancellationRequested)
                    {
                        healthy = false;
                        slowDown = e;
                    }
                }

                var delay = slowDown.RetryAfter ?? TimeSpan.FromTicks(FirstBackOff.Ticks << Math.Min(backOffs, 5));
                throttled += delay;
                await (pool.limiter?.BackOffAsync(delay, slowDown.Message, cancellationToken) ?? Task.Delay(delay, pool.clock, cancellationToken));
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (!returned)
            {
                returned = true;
                await pool.ReturnAsync(current, healthy);
            }
        }

        private async Task SendOnceAsync(OutgoingEmail email, DateTimeOffset? deadline, bool retryOnFresh, CancellationToken cancellationToken)
        {
            try
            {
                await SendBeforeAsync(email, deadline, cancellationToken);
                return;
            }
            catch (MailSendException e) when (retryOnFresh && !e.Permanent && !e.Throttled && !cancellationToken.IsCancellationRequested)
            {
                // The idle connection may have been dropped by the server: once more, on a fresh one (below).
            }
            catch
            {
                healthy = false;
                throw;
            }

            try
            {
                await ReplaceAsync(cancellationToken);
                await SendBeforeAsync(email, deadline, cancellationToken);
            }
            catch
            {
                healthy = false;
                throw;
            }
        }

        /// <summary>Sends, abandoning the send at the turn's deadline: after it, the email would no longer be within its grant.</summary>
        private async Task SendBeforeAsync(OutgoingEmail email, DateTimeOffset? deadline, CancellationToken cancellationToken)
        {
            if (deadline is not { } end)
            {
                await current.SendAsync(email, cancellationToken);
                return;
            }

            using var cut = new CancellationTokenSource(Max(end - pool.clock.GetUtcNow(), TimeSpan.Zero), pool.clock);
            using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, cut.Token);
            try
            {
                await current.SendAsync(email, either.Token);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw new MailSendException("the send outlasted its turn", permanent: false, e);
            }
        }

        /// <summary>A fresh connection in place of the current one (after the server asked to slow down, or dropped it).</summary>
        private async Task ReplaceAsync(CancellationToken cancellationToken)
        {
            var stale = current;
            current = await pool.inner.OpenAsync(cancellationToken);
            healthy = true;
            await CloseQuietlyAsync(stale);
        }

        private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
    }
}
