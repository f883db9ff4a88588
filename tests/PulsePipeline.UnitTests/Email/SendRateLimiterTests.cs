using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PulsePipeline.Models.Email;
using PulsePipeline.Pipeline.Configuration;
using PulsePipeline.Pipeline.Email;

namespace PulsePipeline.UnitTests.Email;

/// <summary>The send limiter, driven by a fake clock: turns come from the clock alone, in order of arrival.</summary>
public sealed class SendRateLimiterTests
{
    private static readonly OutgoingEmail Email = new("someone@x.example", new EmailContent("subject", "text", "<p>html</p>"));

    [Fact]
    public async Task AfterTheBurst_EachSendWaitsForTheClock()
    {
        var clock = new FakeTimeProvider();
        using var limiter = Limiter(perMinute: 60, clock); // one a second, a burst of one

        await limiter.WaitAsync(CancellationToken.None);
        var second = limiter.WaitAsync(CancellationToken.None).AsTask();
        var third = limiter.WaitAsync(CancellationToken.None).AsTask();

        Assert.False(second.IsCompleted);
        Assert.Equal(2, limiter.Waiting);
        clock.Advance(TimeSpan.FromSeconds(1));
        await second;
        Assert.False(third.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        await third;
        Assert.Equal(0, limiter.Waiting);
    }

    [Fact]
    public async Task ACancelledWait_GivesItsTurnToTheNext()
    {
        var clock = new FakeTimeProvider();
        using var limiter = Limiter(perMinute: 60, clock);
        await limiter.WaitAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var cancelled = limiter.WaitAsync(cancel.Token).AsTask();
        var next = limiter.WaitAsync(CancellationToken.None).AsTask();
        await cancel.CancelAsync();
        clock.Advance(TimeSpan.FromSeconds(1));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        await next;
    }

    [Fact]
    public async Task ZeroPerMinute_NeverWaits()
    {
        using var limiter = Limiter(perMinute: 0, new FakeTimeProvider());

        for (var i = 0; i < 1000; i++)
        {
            await limiter.WaitAsync(CancellationToken.None);
        }

        Assert.Equal(0, limiter.Waiting);
    }

    [Fact]
    public async Task EveryEmailThroughThePool_WaitsForTheLimiter()
    {
        var clock = new FakeTimeProvider();
        using var limiter = Limiter(perMinute: 60, clock);
        var server = new CountingServer();
        await using var pool = new SmtpSessionPool(server, clock, limiter);
        await using var session = await pool.OpenAsync(CancellationToken.None);

        await session.SendAsync(Email, CancellationToken.None);
        var second = session.SendAsync(Email, CancellationToken.None);

        Assert.Equal(1, server.Sent);
        Assert.Equal(1, limiter.Waiting);
        clock.Advance(TimeSpan.FromSeconds(1));
        await second;
        Assert.Equal(2, server.Sent);
    }

    private static SendRateLimiter Limiter(int perMinute, TimeProvider clock) =>
        new(Options.Create(new PulseOptions { SendRatePerMinute = perMinute }), clock);

    private sealed class CountingServer : IMailSender
    {
        private int sent;

        public int Sent => Volatile.Read(ref sent);

        public Task<IMailSession> OpenAsync(CancellationToken cancellationToken) => Task.FromResult<IMailSession>(new Session(this));

        private sealed class Session(CountingServer server) : IMailSession
        {
            public Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
            {
                Interlocked.Increment(ref server.sent);
                return Task.CompletedTask;
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
