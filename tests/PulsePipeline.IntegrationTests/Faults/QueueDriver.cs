using Azure.Storage.Queues.Models;
using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.Pipeline.Queues;

namespace PulsePipeline.IntegrationTests.Faults;

/// <summary>
/// Plays the queue trigger by hand: takes every message off a queue and hands it to its step, through
/// <see cref="PoisonMessages"/> exactly as the triggers of both hosts do, as many times as asked (a redelivery
/// after a lost acknowledgement), until the queue is empty.
/// </summary>
internal static class QueueDriver
{
    /// <returns>How many distinct messages were taken off the queue.</returns>
    public static async Task<int> DeliverAllAsync(TestPipeline pipeline, string queue, Func<string, CancellationToken, Task> step, int times)
    {
        var client = pipeline.Storage.Queue(queue);
        var poison = pipeline.Get<PoisonMessages>();
        var taken = 0;
        while (true)
        {
            QueueMessage[] batch = await client.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5));
            if (batch.Length == 0)
            {
                return taken;
            }

            foreach (var message in batch)
            {
                for (var delivery = 1; delivery <= times; delivery++)
                {
                    await poison.RunAsync(queue, message.Body.ToString(), delivery, step, CancellationToken.None);
                }

                await client.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                taken++;
            }
        }
    }
}
