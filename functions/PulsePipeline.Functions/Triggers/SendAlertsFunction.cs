using Microsoft.Azure.Functions.Worker;
using PulsePipeline.Pipeline.Alerts;
using PulsePipeline.Pipeline.Queues;
using PulsePipeline.Pipeline.Storage;

namespace PulsePipeline.Functions.Triggers;

/// <summary>Emails IPIM the digest of a wave.</summary>
public sealed class SendAlertsFunction(SendAlertsStep step, PoisonMessages poison)
{
    [Function("SendAlerts")]
    public Task Run([QueueTrigger(StorageNames.AlertsQueue)] string message, long dequeueCount, CancellationToken cancellationToken) =>
        poison.RunAsync(StorageNames.AlertsQueue, message, dequeueCount, step.HandleAsync, cancellationToken);
}
