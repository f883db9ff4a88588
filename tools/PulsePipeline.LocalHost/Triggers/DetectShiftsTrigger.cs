using Microsoft.Azure.WebJobs;
using PulsePipeline.Pipeline.Detection;
using PulsePipeline.Pipeline.Queues;
using PulsePipeline.Pipeline.Storage;

namespace PulsePipeline.LocalHost.Triggers;

/// <summary>Local twin of the Functions DetectShifts trigger.</summary>
public sealed class DetectShiftsTrigger(DetectShiftsStep step, PoisonMessages poison)
{
    [FunctionName("DetectShifts")]
    public Task Run([QueueTrigger("%queue:detect%")] string message, long dequeueCount, CancellationToken cancellationToken) =>
        poison.RunAsync(StorageNames.DetectQueue, message, dequeueCount, step.HandleAsync, cancellationToken);
}
