using PulsePipeline.Models.Messages;
using PulsePipeline.Pipeline.Storage;

namespace PulsePipeline.Pipeline.Queues;

/// <summary>Puts typed messages on the pipeline's queues.</summary>
public sealed class QueueSender(PulseStorage storage)
{
    /// <summary>Queue messages live until processed; the default seven-day expiry could silently drop a long back-off.</summary>
    private static readonly TimeSpan NeverExpires = TimeSpan.FromSeconds(-1);

    public async Task SendAsync<T>(string queue, T message, CancellationToken cancellationToken, TimeSpan? delay = null)
        where T : IQueueMessage =>
        await storage.Queue(queue).SendMessageAsync(QueueMessages.Serialize(message), delay, NeverExpires, cancellationToken);

    public async Task SendManyAsync<T>(string queue, IEnumerable<T> messages, CancellationToken cancellationToken, int parallelism = 16)
        where T : IQueueMessage =>
        await Parallel.ForEachAsync(
            messages,
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (m, ct) => await SendAsync(queue, m, ct));
}
