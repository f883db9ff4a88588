using Microsoft.Azure.WebJobs;
using PulsePipeline.Pipeline.Effects;
using PulsePipeline.Pipeline.Queues;
using PulsePipeline.Pipeline.Storage;

namespace PulsePipeline.LocalHost.Triggers;

/// <summary>Local twin of the Functions EstimateEffects trigger.</summary>
public sealed class EstimateEffectsTrigger(EstimateEffectsStep step, PoisonMessages poison)
{
    [FunctionName("EstimateEffects")]
    public Task Run([QueueTrigger("%queue:effects%")] string message, long dequeueCount, CancellationToken cancellationToken) =>
        poison.RunAsync(StorageNames.EffectsQueue, message, dequeueCount, step.HandleAsync, cancellationToken);
}
