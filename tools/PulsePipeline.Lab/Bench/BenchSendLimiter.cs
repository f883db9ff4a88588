using PulsePipeline.Pipeline.Email;

namespace PulsePipeline.Lab.Bench;

/// <summary>
/// The bench host's limiter, switched between halves: the shared one the pipeline uses, or the in-process baseline.
/// Both run in the same host, against the same queues and mailbox, round after round.
/// </summary>
internal sealed class BenchSendLimiter(SharedSendLimiter shared, InProcessSendLimiter inProcess) : ISendLimiter, IAsyncDisposable
{
    private ISendLimiter current = shared;

    public bool UsesShared => current == shared;

    public void Use(bool useShared) => current = useShared ? shared : inProcess;

    public ValueTask<SendTurn> TakeAsync(CancellationToken cancellationToken) => current.TakeAsync(cancellationToken);

    public Task BackOffAsync(TimeSpan delay, string reason, CancellationToken cancellationToken) => current.BackOffAsync(delay, reason, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await shared.DisposeAsync();
        inProcess.Dispose();
    }
}
