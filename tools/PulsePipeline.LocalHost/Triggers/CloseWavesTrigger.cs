using Microsoft.Azure.WebJobs;
using PulsePipeline.Pipeline.Waves;

namespace PulsePipeline.LocalHost.Triggers;

/// <summary>Local twin of the Functions CloseWaves trigger.</summary>
public sealed class CloseWavesTrigger(CloseWavesStep step)
{
    [FunctionName("CloseWaves")]
    public Task Run([TimerTrigger("%PULSE_CLOSE_SCHEDULE%")] TimerInfo timer, CancellationToken cancellationToken) =>
        step.RunAsync(cancellationToken);
}
