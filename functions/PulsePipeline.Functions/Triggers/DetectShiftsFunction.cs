using Microsoft.Azure.Functions.Worker;
using PulsePipeline.Pipeline.Detection;
using PulsePipeline.Pipeline.Queues;
using PulsePipeline.Pipeline.Storage;

namespace PulsePipeline.Functions.Triggers;

/// <summary>Runs the shift detector after a wave is published.</summary>
public sealed class DetectShiftsFunction(DetectShiftsStep step, PoisonMessages poison)
{
    [Function("DetectShifts")]
    public Task Run([QueueTrigger(StorageNames.DetectQueue)] string message, long dequeueCount, CancellationToken cancellationToken) =>
        poison.RunAsync(StorageNames.DetectQueue, message, dequeueCount, step.HandleAsync, cancellationToken);
}
