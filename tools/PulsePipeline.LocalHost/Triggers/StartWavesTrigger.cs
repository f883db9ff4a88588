using Microsoft.Azure.WebJobs;
using PulsePipeline.Models.Waves;
using PulsePipeline.Pipeline.Waves;

namespace PulsePipeline.LocalHost.Triggers;

/// <summary>Local twin of the Functions StartWaves trigger.</summary>
public sealed class StartWavesTrigger(OpenWaveStep step, TimeProvider clock)
{
    [FunctionName("StartWaves")]
    public Task Run([TimerTrigger("%PULSE_WAVE_SCHEDULE%")] TimerInfo timer, CancellationToken cancellationToken) =>
        step.OpenAsync(WaveIds.ForSchedule(clock.GetUtcNow()), cancellationToken);
}
