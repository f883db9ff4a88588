using Microsoft.Azure.Functions.Worker;
using PulsePipeline.Pipeline.Publication;
using PulsePipeline.Pipeline.Queues;
using PulsePipeline.Pipeline.Storage;

namespace PulsePipeline.Functions.Triggers;

/// <summary>Publishes a closed wave under k-anonymity.</summary>
public sealed class PublishWaveFunction(PublishWaveStep step, PoisonMessages poison)
{
    [Function("PublishWave")]
    public Task Run([QueueTrigger(StorageNames.PublishQueue)] string message, long dequeueCount, CancellationToken cancellationToken) =>
        poison.RunAsync(StorageNames.PublishQueue, message, dequeueCount, step.HandleAsync, cancellationToken);
}
