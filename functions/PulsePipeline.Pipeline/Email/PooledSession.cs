namespace PulsePipeline.Pipeline.Email;

/// <summary>A session lent to one batch; disposing it returns the session to the pool (or closes it after a failure).</summary>
internal sealed class PooledSession(SmtpSessionPool pool, IMailSession session, bool reused) : IMailSession
{
    private IMailSession current = session;
    private bool mayReconnect = reused;
    private bool healthy = true;
    private bool returned;

    /// <summary>
    /// Sends once per turn. When the server asks to slow down, every host backs off (for as long as it asked, or
    /// doubling from <see cref="SmtpSessionPool.FirstBackOff"/>) and the same email goes again on a fresh connection: it was not
    /// accepted, so this never sends it twice. After <see cref="SmtpSessionPool.LongestThrottling"/> of that, it fails like any
    /// transient failure and the step retries the rest of its batch later.
    /// </summary>
    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        var throttled = TimeSpan.Zero;
        for (var backOffs = 0; ; backOffs++)
        {
            MailSendException slowDown;
            var asked = pool.Clock.GetTimestamp();
            using (var turn = pool.Limiter is { } limiter ? await limiter.TakeAsync(cancellationToken) : SendTurn.Unlimited)
            {
                // A connection that waited long for its turn may have been dropped by the server: allow one fresh try.
                var retryOnFresh = mayReconnect || pool.Clock.GetElapsedTime(asked) > SmtpSessionPool.IdleLimit;
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
                catch (MailSendException e) when (e.Throttled && throttled < SmtpSessionPool.LongestThrottling && !cancellationToken.IsCancellationRequested)
                {
                    healthy = false;
                    slowDown = e;
                }
            }

            var delay = slowDown.RetryAfter ?? TimeSpan.FromTicks(SmtpSessionPool.FirstBackOff.Ticks << Math.Min(backOffs, 5));
            throttled += delay;
            await (pool.Limiter?.BackOffAsync(delay, slowDown.Message, cancellationToken) ?? Task.Delay(delay, pool.Clock, cancellationToken));
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

        using var cut = new CancellationTokenSource(Max(end - pool.Clock.GetUtcNow(), TimeSpan.Zero), pool.Clock);
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
        current = await pool.Inner.OpenAsync(cancellationToken);
        healthy = true;
        await SmtpSessionPool.CloseQuietlyAsync(stale);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
