using Microsoft.Extensions.Time.Testing;
using PulsePipeline.Models.Email;
using PulsePipeline.Pipeline.Email;

namespace PulsePipeline.UnitTests.Email;

public sealed class SmtpSessionPoolTests
{
    private static readonly OutgoingEmail Email = new("someone@x.example", new EmailContent("subject", "text", "<p>html</p>"));

    [Fact]
    public async Task ABatchAfterAnother_ReusesTheSameConnection()
    {
        var server = new FakeServer();
        await using var pool = new SmtpSessionPool(server, new FakeTimeProvider());

        await using (var first = await pool.OpenAsync(CancellationToken.None))
        {
            await first.SendAsync(Email, CancellationToken.None);
        }

        await using (var second = await pool.OpenAsync(CancellationToken.None))
        {
            await second.SendAsync(Email, CancellationToken.None);
        }

        Assert.Equal(1, server.Opened);
        Assert.Equal(2, server.Sent);
        Assert.Equal(0, server.Closed);
    }

    [Fact]
    public async Task NoMoreThanSizeSessions_AreOpenAtOnce()
    {
        var server = new FakeServer { SendDelay = TimeSpan.FromMilliseconds(20) };
        await using var pool = new SmtpSessionPool(server, TimeProvider.System, size: 3);

        await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(async () =>
        {
            await using var session = await pool.OpenAsync(CancellationToken.None);
            await session.SendAsync(Email, CancellationToken.None);
            await session.SendAsync(Email, CancellationToken.None);
        })));

        Assert.Equal(24, server.Sent);
        Assert.True(server.MostConcurrent <= 3, $"{server.MostConcurrent} sessions were open at once");
        Assert.True(server.Opened <= 3, $"{server.Opened} connections were opened for 12 batches");
    }

    [Fact]
    public async Task ASessionThatFailed_IsClosedAndNeverReused()
    {
        var server = new FakeServer();
        await using var pool = new SmtpSessionPool(server, new FakeTimeProvider());

        await using (var session = await pool.OpenAsync(CancellationToken.None))
        {
            server.FailNextSends = 1;
            await Assert.ThrowsAsync<MailSendException>(() => session.SendAsync(Email, CancellationToken.None));
        }

        await using (var next = await pool.OpenAsync(CancellationToken.None))
        {
            await next.SendAsync(Email, CancellationToken.None);
        }

        Assert.Equal(2, server.Opened);
        Assert.Equal(1, server.Closed);
        Assert.Equal(1, server.Sent);
    }

    [Fact]
    public async Task ARecipientRejection_IsReportedAndTheSessionIsNotReused()
    {
        var server = new FakeServer();
        await using var pool = new SmtpSessionPool(server, new FakeTimeProvider());

        await using (var session = await pool.OpenAsync(CancellationToken.None))
        {
            server.RejectNext = true;
            var e = await Assert.ThrowsAsync<MailSendException>(() => session.SendAsync(Email, CancellationToken.None));
            Assert.True(e.Permanent);
        }

        Assert.Equal(0, pool.IdleCount);
        Assert.Equal(1, server.Closed);
    }

    [Fact]
    public async Task AnIdleSession_IsClosedAfterTheIdleLimit_InsteadOfReused()
    {
        var server = new FakeServer();
        var clock = new FakeTimeProvider();
        await using var pool = new SmtpSessionPool(server, clock);
        await using (var session = await pool.OpenAsync(CancellationToken.None))
        {
            await session.SendAsync(Email, CancellationToken.None);
        }

        clock.Advance(SmtpSessionPool.IdleLimit + TimeSpan.FromSeconds(1));
        await using (var later = await pool.OpenAsync(CancellationToken.None))
        {
            await later.SendAsync(Email, CancellationToken.None);
        }

        Assert.Equal(2, server.Opened);
        Assert.Equal(1, server.Closed);
    }

    [Fact]
    public async Task AReusedSessionTheServerDropped_SendsOnceMoreOnAFreshConnection()
    {
        var server = new FakeServer();
        await using var pool = new SmtpSessionPool(server, new FakeTimeProvider());
        await using (var session = await pool.OpenAsync(CancellationToken.None))
        {
            await session.SendAsync(Email, CancellationToken.None);
        }

        server.FailNextSends = 1; // the server dropped the idle connection
        await using (var reused = await pool.OpenAsync(CancellationToken.None))
        {
            await reused.SendAsync(Email, CancellationToken.None);
        }

        Assert.Equal(2, server.Sent);
        Assert.Equal(2, server.Opened);
        Assert.Equal(1, pool.IdleCount);
    }

    [Fact]
    public async Task AFreshSessionThatFails_IsNotRetried_SoTheStepBacksOff()
    {
        var server = new FakeServer { FailNextSends = 1 };
        await using var pool = new SmtpSessionPool(server, new FakeTimeProvider());

        await using (var session = await pool.OpenAsync(CancellationToken.None))
        {
            await Assert.ThrowsAsync<MailSendException>(() => session.SendAsync(Email, CancellationToken.None));
        }

        Assert.Equal(1, server.Opened);
        Assert.Equal(0, server.Sent);
    }

    [Fact]
    public async Task AConnectionThatCannotBeOpened_GivesItsSlotBack()
    {
        var server = new FakeServer { FailNextOpens = 1 };
        await using var pool = new SmtpSessionPool(server, new FakeTimeProvider(), size: 1);

        await Assert.ThrowsAsync<MailSendException>(() => pool.OpenAsync(CancellationToken.None));
        await using var session = await pool.OpenAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        await session.SendAsync(Email, CancellationToken.None);

        Assert.Equal(1, server.Sent);
    }

    [Fact]
    public async Task DisposingThePool_ClosesItsIdleSessions()
    {
        var server = new FakeServer();
        var pool = new SmtpSessionPool(server, new FakeTimeProvider());
        await using (var session = await pool.OpenAsync(CancellationToken.None))
        {
            await session.SendAsync(Email, CancellationToken.None);
        }

        await pool.DisposeAsync();

        Assert.Equal(1, server.Closed);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => pool.OpenAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AThrottledSend_BacksOffEveryHost_AndSendsTheSameEmailOnceOnAFreshConnection()
    {
        var server = new FakeServer { ThrottleNext = 2, ThrottleHint = TimeSpan.FromSeconds(7) };
        var limiter = new RecordingLimiter();
        await using var pool = new SmtpSessionPool(server, new FakeTimeProvider(), limiter);

        await using (var session = await pool.OpenAsync(CancellationToken.None))
        {
            await session.SendAsync(Email, CancellationToken.None);
        }

        Assert.Equal(1, server.Sent);
        Assert.Equal([TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7)], limiter.BackOffs);
        Assert.Equal(3, limiter.Turns); // one turn per try: the refused tries count against the limit too
        Assert.Equal(3, server.Opened);
        Assert.Equal(1, pool.IdleCount);
    }

    [Fact]
    public async Task AServerThatKeepsThrottling_WithoutAHint_BacksOffLongerEachTime_ThenFailsTransiently()
    {
        var server = new FakeServer { ThrottleNext = int.MaxValue };
        var limiter = new RecordingLimiter();
        await using var pool = new SmtpSessionPool(server, new FakeTimeProvider(), limiter);

        await using var session = await pool.OpenAsync(CancellationToken.None);
        var e = await Assert.ThrowsAsync<MailSendException>(() => session.SendAsync(Email, CancellationToken.None));

        Assert.False(e.Permanent);
        Assert.Equal(0, server.Sent);
        Assert.Equal(SmtpSessionPool.FirstBackOff, limiter.BackOffs[0]);
        Assert.Equal(2 * SmtpSessionPool.FirstBackOff, limiter.BackOffs[1]);
        Assert.True(limiter.BackOffs.Aggregate(TimeSpan.Zero, (a, b) => a + b) >= SmtpSessionPool.LongestThrottling);
    }

    [Fact]
    public async Task ASendStillRunningAtItsTurnsDeadline_IsAbandonedAsATransientFailure()
    {
        var clock = new FakeTimeProvider();
        var server = new FakeServer { SendDelay = TimeSpan.FromMinutes(5) };
        var limiter = new RecordingLimiter { Deadline = clock.GetUtcNow() + TimeSpan.FromSeconds(40) };
        await using var pool = new SmtpSessionPool(server, clock, limiter);

        await using var session = await pool.OpenAsync(CancellationToken.None);
        var sending = session.SendAsync(Email, CancellationToken.None);
        await limiter.FirstTurn.WaitAsync(TimeSpan.FromSeconds(10));
        clock.Advance(TimeSpan.FromSeconds(40));

        var e = await Assert.ThrowsAsync<MailSendException>(() => sending.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(e.Permanent || e.Throttled);
        Assert.Equal(0, server.Sent);
    }

    /// <summary>A limiter that gives every turn at once and records what the pool asked of it.</summary>
    private sealed class RecordingLimiter : ISendLimiter
    {
        private readonly TaskCompletionSource first = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int turns;

        public List<TimeSpan> BackOffs { get; } = [];

        public int Turns => Volatile.Read(ref turns);

        public DateTimeOffset? Deadline { get; init; }

        public Task FirstTurn => first.Task;

        public ValueTask<SendTurn> TakeAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref turns);
            first.TrySetResult();
            return ValueTask.FromResult(new SendTurn(Deadline, null));
        }

        public Task BackOffAsync(TimeSpan delay, string reason, CancellationToken cancellationToken)
        {
            BackOffs.Add(delay);
            return Task.CompletedTask;
        }
    }

    /// <summary>An SMTP server in memory: counts connections and emails, fails on request.</summary>
    private sealed class FakeServer : IMailSender
    {
        private int open;
        private int opened;
        private int closed;
        private int sent;
        private int mostConcurrent;

        public int Opened => Volatile.Read(ref opened);

        public int Closed => Volatile.Read(ref closed);

        public int Sent => Volatile.Read(ref sent);

        public int MostConcurrent => Volatile.Read(ref mostConcurrent);

        public int FailNextOpens { get; set; }

        public int FailNextSends { get; set; }

        public bool RejectNext { get; set; }

        public int ThrottleNext { get; set; }

        public TimeSpan? ThrottleHint { get; init; }

        public TimeSpan SendDelay { get; init; }

        public Task<IMailSession> OpenAsync(CancellationToken cancellationToken)
        {
            if (FailNextOpens > 0)
            {
                FailNextOpens--;
                throw new MailSendException("cannot connect", permanent: false);
            }

            Interlocked.Increment(ref opened);
            var now = Interlocked.Increment(ref open);
            int seen;
            while (now > (seen = Volatile.Read(ref mostConcurrent)) && Interlocked.CompareExchange(ref mostConcurrent, now, seen) != seen)
            {
            }

            return Task.FromResult<IMailSession>(new Session(this));
        }

        private sealed class Session(FakeServer server) : IMailSession
        {
            private bool disposed;

            public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
            {
                ObjectDisposedException.ThrowIf(disposed, this);
                await Task.Delay(server.SendDelay, cancellationToken);
                if (server.RejectNext)
                {
                    server.RejectNext = false;
                    throw new MailSendException("the server rejected the recipient (550)", permanent: true);
                }

                if (server.ThrottleNext > 0)
                {
                    server.ThrottleNext--;
                    throw new MailSendException("the server asked to slow down (451)", server.ThrottleHint, null);
                }

                if (server.FailNextSends > 0)
                {
                    server.FailNextSends--;
                    throw new MailSendException("connection lost", permanent: false);
                }

                Interlocked.Increment(ref server.sent);
            }

            public ValueTask DisposeAsync()
            {
                if (!disposed)
                {
                    disposed = true;
                    Interlocked.Increment(ref server.closed);
                    Interlocked.Decrement(ref server.open);
                }

                return ValueTask.CompletedTask;
            }
        }
    }
}
