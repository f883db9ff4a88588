using System.Text.Json.Nodes;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;
using PulsePipeline.Models.Messages;
using PulsePipeline.Pipeline.Storage;

namespace PulsePipeline.Pipeline.Queues;

/// <summary>
/// The -poison queues: the one place the pipeline moves a message there (with its reason, <see cref="PoisonEnvelope"/>),
/// and what `pulse poison` and the local host's watch do with them: list, requeue after the cause is fixed, discard,
/// count. Listing holds the messages briefly (a queue can only be peeked 32 deep) and then makes them visible again.
/// </summary>
public sealed class PoisonQueues(PulseStorage storage, TimeProvider clock, ILogger<PoisonQueues> logger)
{
    /// <summary>What the host does with a message that failed its last delivery without any code of ours poisoning it.</summary>
    public static readonly string HostPoisoned = $"moved by the host after {PoisonMessages.MaxDeliveries} failed deliveries; the reason is in the host's log of that time";

    /// <summary>How long a listed message stays hidden if the listing is interrupted before it is released.</summary>
    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(2);

    private const int MaxListed = 10_000;

    public async Task MoveAsync(string queue, string message, string reason, long deliveries, CancellationToken cancellationToken)
    {
        logger.LogError("Moved a message from {Queue} to {PoisonQueue}: {Reason}", storage.Names.Queue(queue), storage.Names.PoisonQueue(queue), reason);
        var envelope = new PoisonEnvelope(queue, reason, clock.GetUtcNow(), deliveries, message);
        await storage.PoisonQueue(queue).SendMessageAsync(envelope.Serialize(), timeToLive: TimeSpan.FromSeconds(-1), cancellationToken: cancellationToken);
    }

    /// <summary>Messages waiting in each -poison queue (approximate, as the service counts them), with its full name.</summary>
    public async Task<IReadOnlyList<(string Queue, string PoisonQueue, int Count)>> CountsAsync(CancellationToken cancellationToken)
    {
        var counts = new List<(string, string, int)>();
        foreach (var queue in StorageNames.Queues)
        {
            var properties = await storage.PoisonQueue(queue).GetPropertiesAsync(cancellationToken);
            counts.Add((queue, storage.Names.PoisonQueue(queue), properties.Value.ApproximateMessagesCount));
        }

        return counts;
    }

    public async Task<IReadOnlyList<PoisonedMessage>> ListAsync(string queue, CancellationToken cancellationToken)
    {
        var held = await HoldAllAsync(queue, cancellationToken);
        await ReleaseAsync(queue, held);
        return [.. held.Select(m => Describe(queue, m))];
    }

    /// <summary>Puts the chosen messages (one id, or all when <paramref name="id"/> is null) back on their queue; returns how many.</summary>
    public Task<int> RequeueAsync(string queue, string? id, CancellationToken cancellationToken) =>
        TakeAsync(queue, id, async message =>
        {
            // The original goes back with a fresh retry budget: its cause has been fixed.
            var original = PoisonEnvelope.TryParse(message.Body.ToString())?.Message ?? message.Body.ToString();
            await storage.Queue(queue).SendMessageAsync(WithoutAttempts(original), timeToLive: TimeSpan.FromSeconds(-1), cancellationToken: CancellationToken.None);
            logger.LogInformation("Requeued poisoned message {MessageId} to {Queue}", message.MessageId, storage.Names.Queue(queue));
        }, cancellationToken);

    public Task<int> DiscardAsync(string queue, string? id, CancellationToken cancellationToken) =>
        TakeAsync(queue, id, message =>
        {
            logger.LogInformation("Discarded poisoned message {MessageId} of {PoisonQueue}", message.MessageId, storage.Names.PoisonQueue(queue));
            return Task.CompletedTask;
        }, cancellationToken);

    private async Task<int> TakeAsync(string queue, string? id, Func<QueueMessage, Task> action, CancellationToken cancellationToken)
    {
        var held = await HoldAllAsync(queue, cancellationToken);
        var chosen = held.Where(m => id is null || m.MessageId == id).ToList();
        try
        {
            foreach (var message in chosen)
            {
                // Sent (or dropped) first, deleted after: a crash in between leaves a copy, which the steps handle.
                await action(message);
                await storage.PoisonQueue(queue).DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
            }
        }
        finally
        {
            await ReleaseAsync(queue, held.Except(chosen).ToList());
        }

        return chosen.Count;
    }

    private async Task<List<QueueMessage>> HoldAllAsync(string queue, CancellationToken cancellationToken)
    {
        var client = storage.PoisonQueue(queue);
        var held = new Dictionary<string, QueueMessage>(StringComparer.Ordinal);
        while (held.Count < MaxListed)
        {
            QueueMessage[] batch = await client.ReceiveMessagesAsync(32, Hold, cancellationToken);
            if (batch.Length == 0)
            {
                break;
            }

            foreach (var message in batch)
            {
                held[message.MessageId] = message; // a message seen again after its hold has the newer pop receipt
            }
        }

        return [.. held.Values.OrderBy(m => m.InsertedOn)];
    }

    private async Task ReleaseAsync(string queue, IReadOnlyList<QueueMessage> messages)
    {
        var client = storage.PoisonQueue(queue);
        foreach (var message in messages)
        {
            await client.UpdateMessageAsync(message.MessageId, message.PopReceipt, (BinaryData?)null, TimeSpan.Zero, CancellationToken.None);
        }
    }

    private static PoisonedMessage Describe(string queue, QueueMessage message)
    {
        var body = message.Body.ToString();
        return PoisonEnvelope.TryParse(body) is { } envelope
            ? new PoisonedMessage(queue, message.MessageId, envelope.PoisonedAt, envelope.Reason, envelope.Deliveries, MessageSummary.Describe(envelope.Message))
            : new PoisonedMessage(queue, message.MessageId, message.InsertedOn, HostPoisoned, null, MessageSummary.Describe(body));
    }

    /// <summary>A message's own retry counter ("attempt": invitation back-off, publication deferrals) set back to 0.</summary>
    private static string WithoutAttempts(string message)
    {
        try
        {
            if (JsonNode.Parse(message) is JsonObject json && json["attempt"] is JsonValue)
            {
                json["attempt"] = 0;
                return json.ToJsonString();
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // Not JSON: it goes back as it was.
        }

        return message;
    }
}
