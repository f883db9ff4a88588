using Azure.Storage.Queues.Models;
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

    /// <summary>
    /// Sends a message that stays invisible for <paramref name="hold"/> unless revealed or withdrawn earlier with
    /// the returned receipt: for a message that must only count once some other write has succeeded.
    /// </summary>
    public async Task<SendReceipt> SendHeldAsync<T>(string queue, T message, TimeSpan hold, CancellationToken cancellationToken)
        where T : IQueueMessage =>
        await storage.Queue(queue).SendMessageAsync(QueueMessages.Serialize(message), hold, NeverExpires, cancellationToken);

    /// <summary>Makes a held message visible now; its content is unchanged.</summary>
    public async Task RevealAsync(string queue, SendReceipt receipt, CancellationToken cancellationToken) =>
        await storage.Queue(queue).UpdateMessageAsync(receipt.MessageId, receipt.PopReceipt, (BinaryData?)null, TimeSpan.Zero, cancellationToken);

    /// <summary>Deletes a held message before anyone could receive it.</summary>
    public async Task WithdrawAsync(string queue, SendReceipt receipt, CancellationToken cancellationToken) =>
        await storage.Queue(queue).DeleteMessageAsync(receipt.MessageId, receipt.PopReceipt, cancellationToken);
}
