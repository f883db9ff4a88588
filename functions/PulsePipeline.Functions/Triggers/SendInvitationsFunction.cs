using Microsoft.Azure.Functions.Worker;
using PulsePipeline.Pipeline.Invitations;
using PulsePipeline.Pipeline.Queues;
using PulsePipeline.Pipeline.Storage;

namespace PulsePipeline.Functions.Triggers;

/// <summary>Sends one batch of invitations or reminders.</summary>
public sealed class SendInvitationsFunction(SendInvitationsStep step, PoisonMessages poison)
{
    [Function("SendInvitations")]
    public Task Run([QueueTrigger(StorageNames.InvitationsQueue)] string message, long dequeueCount, CancellationToken cancellationToken) =>
        poison.RunAsync(StorageNames.InvitationsQueue, message, dequeueCount, step.HandleAsync, cancellationToken);
}
