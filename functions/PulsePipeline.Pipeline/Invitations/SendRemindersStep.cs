using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PulsePipeline.Models.Email;
using PulsePipeline.Pipeline.Configuration;
using PulsePipeline.Pipeline.Queues;
using PulsePipeline.Pipeline.Roster;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;
using PulsePipeline.Pipeline.Waves;

namespace PulsePipeline.Pipeline.Invitations;

/// <summary>
/// Queues the reminder round that has fallen due for each open wave (PULSE_REMINDER_DAYS after opening), on
/// weekdays only. Batches go to everyone on the roster; the sender skips whoever's token is used (or who had
/// no token in this wave), so who answered is known only as "token used". When two rounds fall due together
/// (after a weekend), only the later goes out: one reminder, not two.
/// </summary>
public sealed class SendRemindersStep(
    WaveStore waves,
    RosterStore roster,
    QueueSender queues,
    IOptions<PulseOptions> options,
    TimeProvider clock,
    DutchCalendar calendar,
    ILogger<SendRemindersStep> logger)
{
    private const int ChunkSize = 5_000;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (calendar.IsWeekend(now))
        {
            logger.LogInformation("No reminders on a weekend");
            return 0;
        }

        var current = await roster.CurrentAsync(cancellationToken);
        var queued = 0;
        foreach (var wave in await waves.AllAsync(cancellationToken))
        {
            var due = options.Value.ReminderDayList.Count(day => now >= wave.OpensAt.AddDays(day));
            if (wave.State != WaveStates.Open || now >= wave.ClosesAt || due <= wave.RemindersQueued || current is null)
            {
                continue;
            }

            var batches = 0;
            await foreach (var chunk in roster.ChunksAsync(current.Version, ChunkSize, cancellationToken))
            {
                var round = InvitationBatches.For(wave.RowKey, due, chunk).ToList();
                await queues.SendManyAsync(StorageNames.InvitationsQueue, round, cancellationToken);
                batches += round.Count;
            }

            wave.RemindersQueued = due;
            await waves.UpdateAsync(wave, cancellationToken);
            logger.LogInformation("Wave {WaveId}: reminder round {Round} queued in {Batches} batches", wave.RowKey, due, batches);
            queued++;
        }

        return queued;
    }
}
