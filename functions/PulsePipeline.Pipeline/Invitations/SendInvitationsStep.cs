using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PulsePipeline.Models.Email;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Messages;
using PulsePipeline.Models.Tokens;
using PulsePipeline.Pipeline.Configuration;
using PulsePipeline.Pipeline.Email;
using PulsePipeline.Pipeline.Queues;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;
using PulsePipeline.Pipeline.Waves;

namespace PulsePipeline.Pipeline.Invitations;

/// <summary>
/// Sends one batch of invitations or reminders over one SMTP connection. A delivery marker is written after
/// each email is accepted (flushed in small groups), and markers are read first, so a redelivered batch sends
/// nothing twice. A transient SMTP failure re-enqueues the unsent rest with back-off; nobody is lost.
/// </summary>
public sealed class SendInvitationsStep(
    PulseStorage storage,
    WaveStore waves,
    IMailSender mail,
    QueueSender queues,
    PoisonQueues poison,
    IOptions<PulseOptions> options,
    TimeProvider clock,
    DutchCalendar calendar,
    ILogger<SendInvitationsStep> logger)
{
    /// <summary>Markers written per table transaction; also the most a crash can send twice.</summary>
    public const int MarkerFlushSize = 10;

    /// <summary>Transient failures retried with back-off (30 s doubling to 1 h) before the batch is poisoned: about 6 h.</summary>
    public const int MaxAttempts = 12;

    public async Task HandleAsync(string message, CancellationToken cancellationToken)
    {
        var batch = QueueMessages.Parse<InvitationBatch>(message);
        var wave = await waves.GetAsync(batch.WaveId, cancellationToken)
            ?? throw new MalformedMessageException($"batch {batch.BatchId} names wave {batch.WaveId}, which does not exist");
        if (wave.State is WaveStates.Closed or WaveStates.Published || clock.GetUtcNow() >= wave.ClosesAt)
        {
            logger.LogInformation("Wave {WaveId} has closed; batch {BatchId} round {Round} not sent", batch.WaveId, batch.BatchId, batch.Round);
            return;
        }

        if (batch.Round > 0 && calendar.IsWeekend(clock.GetUtcNow()))
        {
            var wait = calendar.UntilMondayMorning(clock.GetUtcNow());
            logger.LogInformation("Batch {BatchId} of wave {WaveId}: reminders wait for Monday ({Wait})", batch.BatchId, batch.WaveId, wait);
            await queues.SendAsync(StorageNames.InvitationsQueue, batch, cancellationToken, wait);
            return;
        }

        var partition = DeliveryEntity.Partition(batch.WaveId, batch.Round, batch.BatchId);
        var done = await DeliveredAsync(partition, cancellationToken);
        var secret = Encoding.UTF8.GetBytes(options.Value.TokenSecret);
        var pending = new List<Invitee>();
        foreach (var invitee in batch.Invitees.Where(i => !done.Contains(i.EmployeeId)))
        {
            if (batch.Round == 0 || await AwaitsAnswerAsync(secret, wave, invitee, cancellationToken))
            {
                pending.Add(invitee);
            }
        }

        if (pending.Count == 0)
        {
            logger.LogInformation("Batch {BatchId} of wave {WaveId} round {Round}: nothing left to send", batch.BatchId, batch.WaveId, batch.Round);
            return;
        }

        var outcome = await SendAsync(batch, wave, partition, pending, secret, cancellationToken);
        logger.LogInformation(
            "Batch {BatchId} of wave {WaveId} round {Round}: {Sent} sent, {Rejected} rejected, {Skipped} skipped, {Remaining} left for retry",
            batch.BatchId, batch.WaveId, batch.Round, outcome.Sent, outcome.Rejected, batch.Invitees.Count - pending.Count, outcome.Remaining.Count);
        if (outcome.Remaining.Count > 0)
        {
            await RetryLaterAsync(batch, outcome.Remaining, outcome.Failure!, cancellationToken);
        }
    }

    private async Task<SendOutcome> SendAsync(InvitationBatch batch, WaveEntity wave, string partition, List<Invitee> pending, byte[] secret, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var markers = new List<TableTransactionAction>();
        int sent = 0, rejected = 0, next = 0;
        MailSendException? failure = null;
        try
        {
            await using var session = await mail.OpenAsync(cancellationToken);
            for (; next < pending.Count; next++)
            {
                var invitee = pending[next];
                var language = Languages.TryParse(invitee.Language, out var l) ? l.Value : Language.Nl;
                var link = SurveyLink.For(o.SurveyBaseUrl, SurveyTokens.Derive(secret, batch.WaveId, invitee.EmployeeId), language);
                var content = InvitationEmail.Compose(language, link, batch.Round, calendar.Day(wave.ClosesAt), o.K);
                try
                {
                    await session.SendAsync(new OutgoingEmail(invitee.Email, content), cancellationToken);
                    markers.Add(Marker(partition, invitee, DeliveryEntity.Sent));
                    sent++;
                }
                catch (MailSendException e) when (e.Permanent)
                {
                    // The employee is named only in the delivery marker (Outcome "rejected"), never in a log line.
                    logger.LogWarning("Batch {BatchId} of wave {WaveId}: a recipient was rejected by the mail server: {Reason}", batch.BatchId, batch.WaveId, e.Message);
                    markers.Add(Marker(partition, invitee, DeliveryEntity.Rejected));
                    rejected++;
                }

                if (markers.Count >= MarkerFlushSize)
                {
                    await FlushAsync(markers, cancellationToken);
                }
            }
        }
        catch (MailSendException e) when (!e.Permanent)
        {
            failure = e;
        }
        finally
        {
            // Whatever happened, record what did go out before anything else can fail.
            await FlushAsync(markers, CancellationToken.None);
        }

        return new SendOutcome(sent, rejected, pending.Skip(next).ToList(), failure);
    }

    private async Task RetryLaterAsync(InvitationBatch batch, IReadOnlyList<Invitee> remaining, MailSendException failure, CancellationToken cancellationToken)
    {
        var retry = batch with { Invitees = remaining, Attempt = batch.Attempt + 1 };
        if (retry.Attempt > MaxAttempts)
        {
            await poison.MoveAsync(StorageNames.InvitationsQueue, QueueMessages.Serialize(retry), $"batch {batch.BatchId}: {remaining.Count} invitations still unsent after {MaxAttempts} attempts ({failure.Message})", retry.Attempt, cancellationToken);
            return;
        }

        var delay = TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, batch.Attempt)));
        logger.LogWarning("Batch {BatchId} of wave {WaveId}: mail server unavailable ({Reason}); {Remaining} invitations retried in {Delay}", batch.BatchId, batch.WaveId, failure.Message, remaining.Count, delay);
        await queues.SendAsync(StorageNames.InvitationsQueue, retry, cancellationToken, delay);
    }

    private async Task<HashSet<string>> DeliveredAsync(string partition, CancellationToken cancellationToken)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in storage.Deliveries.QueryAsync<DeliveryEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            done.Add(row.Employee);
        }

        return done;
    }

    /// <summary>
    /// A reminder goes only to someone invited to this wave who has not answered: their token row exists in the wave's
    /// table and is not "used". Only the secret leads from an employee to that row; nothing leads from the row back.
    /// </summary>
    private async Task<bool> AwaitsAnswerAsync(byte[] secret, WaveEntity wave, Invitee invitee, CancellationToken cancellationToken)
    {
        var hash = SurveyTokens.Hash(SurveyTokens.Derive(secret, wave.RowKey, invitee.EmployeeId));
        var token = await storage.WaveTable(wave).GetEntityIfExistsAsync<TokenEntity>(TokenPartition.Of(hash), hash, select: ["Used"], cancellationToken: cancellationToken);
        return token.HasValue && !token.Value!.Used;
    }

    private async Task FlushAsync(List<TableTransactionAction> markers, CancellationToken cancellationToken)
    {
        if (markers.Count > 0)
        {
            await storage.Deliveries.SubmitTransactionAsync(markers, cancellationToken);
            markers.Clear();
        }
    }

    private static TableTransactionAction Marker(string partition, Invitee invitee, string outcome) =>
        new(TableTransactionActionType.UpsertReplace, new DeliveryEntity { PartitionKey = partition, RowKey = TableKeys.Encode(invitee.EmployeeId), Outcome = outcome });

    private sealed record SendOutcome(int Sent, int Rejected, IReadOnlyList<Invitee> Remaining, MailSendException? Failure);
}
