using Microsoft.Azure.WebJobs;
using PulsePipeline.Pipeline.Alerts;
using PulsePipeline.Pipeline.Queues;
using PulsePipeline.Pipeline.Storage;

namespace PulsePipeline.LocalHost.Triggers;

/// <summary>Local twin of the Functions SendAlerts trigger.</summary>
public sealed class SendAlertsTrigger(SendAlertsStep step, PoisonMessages poison)
{
    [FunctionName("SendAlerts")]
    public Task Run([QueueTrigger("%queue:alerts%")] string message, long dequeueCount, CancellationToken cancellationToken) =>
        poison.RunAsync(StorageNames.AlertsQueue, message, dequeueCount, step.HandleAsync, cancellationToken);
}
