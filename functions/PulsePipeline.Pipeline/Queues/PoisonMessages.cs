using Azure;
using Microsoft.Extensions.Logging;
using PulsePipeline.Models.Messages;

namespace PulsePipeline.Pipeline.Queues;

/// <summary>
/// Runs a queue step for a trigger. A message that can never succeed (<see cref="MalformedMessageException"/>) goes
/// straight to the queue's -poison queue with its reason, instead of being retried to exhaustion. Any other failure
/// propagates, so the host retries it; on the last delivery the host allows (<see cref="MaxDeliveries"/>) the message
/// is moved here too, so that the reason travels with it instead of only in that moment's log.
/// </summary>
public sealed class PoisonMessages(PoisonQueues poison, ILogger<PoisonMessages> logger)
{
    /// <summary>Deliveries before a failing message is poisoned: host.json's maxDequeueCount and the local host's MaxDequeueCount.</summary>
    public const int MaxDeliveries = 5;

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
            await poison.MoveAsync(queue, message, e.Message, dequeueCount, cancellationToken);
        }
        catch (Exception e) when (dequeueCount >= MaxDeliveries && !cancellationToken.IsCancellationRequested)
        {
            await poison.MoveAsync(queue, message, $"failed {dequeueCount} deliveries; the last with {Describe(e)}", dequeueCount, cancellationToken);
        }
    }

    /// <summary>
    /// The failure in a few words. Storage errors by status and code only: their messages can quote request details,
    /// and table keys are token hashes.
    /// </summary>
    private static string Describe(Exception e) => e is RequestFailedException r
        ? $"{e.GetType().Name} {r.Status} {r.ErrorCode}"
        : $"{e.GetType().Name}: {e.Message}";
}
