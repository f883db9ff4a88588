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
/// through a lease first waits for the host's <see cref="SendRateLimiter"/>: the pool is the only mail sender the
/// pipeline registers, so invitations, reminders and digests all keep to the one rate.
/// </summary>
public sealed class SmtpSessionPool : IMailSender, IAsyncDisposable
{
    public const int DefaultSize = 4;

    public static readonly TimeSpan IdleLimit = TimeSpan.FromSeconds(30);

    private readonly IMailSender inner;
    private readonly TimeProvider clock;
    private readonly SendRateLimiter? rate;
    private readonly SemaphoreSlim slots;
    private readonly Stack<(IMailSession Session, long ReturnedAt)> idle = new();
    private bool disposed;

    /// <param name="rate">The host's send limit; null sends as fast as the server accepts (tests of the pool itself).</param>
    public SmtpSessionPool(IMailSender inner, TimeProvider clock, SendRateLimiter? rate = null, int size = DefaultSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        this.inner = inner;
        this.clock = clock;
        this.rate = rate;
        Size = size;
        slots = new SemaphoreSlim(size, size);
    }

    public int Size { get; }

    /// <summary>Sessions open and waiting for the next batch.</summary>
    internal int IdleCount
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

        public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
        {
            var retryOnFresh = mayReconnect;
            mayReconnect = false;
            if (pool.rate is { } limiter)
            {
                // One turn per email: a resend on a fresh connection below is the same email, not another.
                await limiter.WaitAsync(cancellationToken);
            }

            try
            {
                await current.SendAsync(email, cancellationToken);
                return;
            }
            catch (MailSendException e) when (retryOnFresh && !e.Permanent && !cancellationToken.IsCancellationRequested)
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
                var stale = current;
                current = await pool.inner.OpenAsync(cancellationToken);
                await CloseQuietlyAsync(stale);
                await current.SendAsync(email, cancellationToken);
            }
            catch
            {
                healthy = false;
                throw;
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
    }
}
