using Microsoft.Azure.Functions.Worker;
using PulsePipeline.Pipeline.Invitations;

namespace PulsePipeline.Functions.Triggers;

/// <summary>Queues due reminders on PULSE_REMINDER_SCHEDULE (never on a weekend).</summary>
public sealed class SendRemindersFunction(SendRemindersStep step)
{
    [Function("SendReminders")]
    public Task Run([TimerTrigger("%PULSE_REMINDER_SCHEDULE%")] TimerInfo timer, CancellationToken cancellationToken) =>
        step.RunAsync(cancellationToken);
}
