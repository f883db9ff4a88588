using Microsoft.Extensions.Logging;
using PulsePipeline.Models.Messages;
using PulsePipeline.Pipeline.Storage;

namespace PulsePipeline.Pipeline.Queues;

/// <summary>
/// Runs a queue step for a trigger. A message that can never succeed (<see cref="MalformedMessageException"/>)
/// goes straight to the queue's -poison queue with its reason logged, instead of being retried to exhaustion.
/// Any other failure propagates, so the host retries it and, after its maximum dequeue count, poisons it itself.
/// </summary>
public sealed class PoisonMessages(PulseStorage storage, ILogger<PoisonMessages> logger)
{
    public async Task RunAsync(string queue, string message, long dequeueCount, Func<string, CancellationToken, Task> step, CancellationToken cancellationToken)
    {
        if (dequeueCount > 1)
        {
            logger.LogInformation("Retrying a message from {Queue} (delivery {DequeueCount})", queue, dequeueCount);
        }

        try
        {
            await step(message, cancellationToken);
        }
        catch (MalformedMessageException e)
        {
            logger.LogError("Moved a message from {Queue} to {PoisonQueue}: {Reason}", queue, storage.Names.PoisonQueue(queue), e.Message);
            await storage.PoisonQueue(queue).SendMessageAsync(message, cancellationToken);
        }
    }
}
