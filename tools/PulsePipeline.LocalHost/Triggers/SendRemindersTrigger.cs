using Microsoft.Azure.WebJobs;
using PulsePipeline.Pipeline.Invitations;

namespace PulsePipeline.LocalHost.Triggers;

/// <summary>Local twin of the Functions SendReminders trigger.</summary>
public sealed class SendRemindersTrigger(SendRemindersStep step)
{
    [FunctionName("SendReminders")]
    public Task Run([TimerTrigger("%PULSE_REMINDER_SCHEDULE%")] TimerInfo timer, CancellationToken cancellationToken) =>
        step.RunAsync(cancellationToken);
}
