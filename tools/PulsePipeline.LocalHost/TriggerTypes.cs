using Microsoft.Azure.WebJobs;
using PulsePipeline.LocalHost.Triggers;

namespace PulsePipeline.LocalHost;

/// <summary>
/// The local host's functions, listed explicitly instead of found by scanning every loaded assembly (which
/// trips over WebJobs' own storage assembly and hides what the host runs).
/// </summary>
internal sealed class TriggerTypes(IReadOnlyList<Type> types) : ITypeLocator
{
    public static readonly IReadOnlyList<Type> All =
    [
        typeof(StartWavesTrigger),
        typeof(SendInvitationsTrigger),
        typeof(SendRemindersTrigger),
        typeof(TallyResponseTrigger),
        typeof(CloseWavesTrigger),
        typeof(PublishWaveTrigger),
        typeof(DetectShiftsTrigger),
        typeof(EstimateEffectsTrigger),
        typeof(SendAlertsTrigger),
    ];

    public IReadOnlyList<Type> GetTypes() => types;
}
