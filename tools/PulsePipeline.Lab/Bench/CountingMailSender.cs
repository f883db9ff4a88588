using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PulsePipeline.Pipeline.Email;

namespace PulsePipeline.Lab.Bench;

/// <summary>
/// Counts the emails the SMTP server accepted, around the host's real sender (pool and all). The full-scale bench
/// counts deliveries here instead of in smtp4dev, so it can empty smtp4dev as it goes: smtp4dev slows down as its
/// mailbox grows, which a real mail provider does not.
/// </summary>
internal sealed class CountingMailSender(IMailSender inner) : IMailSender, IAsyncDisposable
{
    private readonly ConcurrentQueue<(long Start, long End)> sends = new();
    private long accepted;
    private long sendingTicks;

    public long Accepted => Interlocked.Read(ref accepted);

    /// <summary>Time spent inside SMTP sends, summed over every session: how busy the connections were.</summary>
    public TimeSpan Sending => TimeSpan.FromTicks(Interlocked.Read(ref sendingTicks));

    /// <summary>Every send since the last call (accepted or not), as Stopwatch timestamps: when the sessions were busy.</summary>
    public IReadOnlyList<(long Start, long End)> TakeSends()
    {
        var taken = new List<(long, long)>();
        while (sends.TryDequeue(out var send))
        {
            taken.Add(send);
        }

        return taken;
    }

    public async Task<IMailSession> OpenAsync(CancellationToken cancellationToken) =>
        new Session(this, await inner.OpenAsync(cancellationToken));

    public async ValueTask DisposeAsync()
    {
        if (inner is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }

    /// <summary>Wraps whatever the host registered as its mail sender; the counter is a singleton to read from.</summary>
    public static void Decorate(IServiceCollection services)
    {
        var original = services.Last(d => d.ServiceType == typeof(IMailSender));
        services.Remove(original);
        services.AddSingleton(sp => new CountingMailSender(original.ImplementationFactory is { } factory
            ? (IMailSender)factory(sp)
            : (IMailSender)ActivatorUtilities.CreateInstance(sp, original.ImplementationType!)));
        services.AddSingleton<IMailSender>(sp => sp.GetRequiredService<CountingMailSender>());
    }

    private sealed class Session(CountingMailSender owner, IMailSession inner) : IMailSession
    {
        public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await inner.SendAsync(email, cancellationToken);
                Interlocked.Increment(ref owner.accepted);
            }
            finally
            {
                var ended = Stopwatch.GetTimestamp();
                Interlocked.Add(ref owner.sendingTicks, Stopwatch.GetElapsedTime(started, ended).Ticks);
                owner.sends.Enqueue((started, ended));
            }
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
