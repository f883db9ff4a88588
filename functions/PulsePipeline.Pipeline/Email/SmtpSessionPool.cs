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

    internal IMailSender Inner => inner;

    internal TimeProvider Clock => clock;

    internal ISendLimiter? Limiter => limiter;

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
                    return new PooledSession(this, entry.Session, reused: true);
                }

                await CloseQuietlyAsync(entry.Session);
            }

            return new PooledSession(this, await inner.OpenAsync(cancellationToken), reused: false);
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

    internal async ValueTask ReturnAsync(IMailSession session, bool healthy)
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

    internal static async ValueTask CloseQuietlyAsync(IMailSession session)
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
}
