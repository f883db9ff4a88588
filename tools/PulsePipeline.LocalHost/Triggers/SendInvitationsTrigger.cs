using Microsoft.Azure.WebJobs;
using PulsePipeline.Pipeline.Invitations;
using PulsePipeline.Pipeline.Queues;
using PulsePipeline.Pipeline.Storage;

namespace PulsePipeline.LocalHost.Triggers;

/// <summary>Local twin of the Functions SendInvitations trigger.</summary>
public sealed class SendInvitationsTrigger(SendInvitationsStep step, PoisonMessages poison)
{
    [FunctionName("SendInvitations")]
    public Task Run([QueueTrigger("%queue:invitations%")] string message, long dequeueCount, CancellationToken cancellationToken) =>
        poison.RunAsync(StorageNames.InvitationsQueue, message, dequeueCount, step.HandleAsync, cancellationToken);
}
