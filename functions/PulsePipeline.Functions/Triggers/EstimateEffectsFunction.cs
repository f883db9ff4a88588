using Microsoft.Azure.Functions.Worker;
using PulsePipeline.Pipeline.Effects;
using PulsePipeline.Pipeline.Queues;
using PulsePipeline.Pipeline.Storage;

namespace PulsePipeline.Functions.Triggers;

/// <summary>Estimates the effects of interventions after a wave's detection, before its digest.</summary>
public sealed class EstimateEffectsFunction(EstimateEffectsStep step, PoisonMessages poison)
{
    [Function("EstimateEffects")]
    public Task Run([QueueTrigger(StorageNames.EffectsQueue)] string message, long dequeueCount, CancellationToken cancellationToken) =>
        poison.RunAsync(StorageNames.EffectsQueue, message, dequeueCount, step.HandleAsync, cancellationToken);
}
