using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Messages;
using PulsePipeline.Models.Tallies;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;
using PulsePipeline.Pipeline.Waves;

namespace PulsePipeline.Pipeline.Tallies;

/// <summary>
/// Adds one response to its unit's private tally, exactly once. One entity-group transaction inserts a marker
/// keyed by the token hash and updates the tally under its ETag: a duplicate fails the insert and is
/// acknowledged without change; a concurrent update fails the ETag and is retried with jitter.
/// </summary>
public sealed class TallyResponseStep(PulseStorage storage, WaveStore waves, ILogger<TallyResponseStep> logger)
{
    /// <summary>After this many lost races the message goes back to the queue (the host retries it later).</summary>
    public const int MaxAttempts = 200;

    public async Task HandleAsync(string message, CancellationToken cancellationToken)
    {
        var response = QueueMessages.Parse<ResponseMessage>(message);
        var wave = await waves.GetAsync(response.WaveId, cancellationToken)
            ?? throw new MalformedMessageException("the response names a wave that does not exist");
        if (wave.State == WaveStates.Published)
        {
            // Publication waits for the responses queue to drain, so this is a message that arrived far too late;
            // it goes to the poison queue rather than silently changing nothing.
            throw new MalformedMessageException($"wave {wave.RowKey} is already published; a late response cannot be added");
        }

        if (response.InstrumentVersion != wave.InstrumentVersion || !Instruments.TryGet(response.InstrumentVersion, out var instrument))
        {
            throw new MalformedMessageException($"the response's instrument version does not match wave {wave.RowKey}'s");
        }

        var partition = TallyEntity.Partition(response.WaveId, response.UnitId);
        for (var attempt = 1; ; attempt++)
        {
            var current = await storage.Tallies.GetEntityIfExistsAsync<TallyEntity>(partition, TallyEntity.Row, cancellationToken: cancellationToken);
            var tally = current.HasValue ? current.Value!.ToTally() : PrivateTally.Empty(instrument);
            var updated = TallyEntity.From(partition, tally.Add(instrument, response.Answers), current.HasValue ? current.Value!.ETag : ETag.All);
            TableTransactionAction[] actions =
            [
                new(TableTransactionActionType.Add, new TableEntity(partition, TallyEntity.MarkerRow(response.TokenHash))),
                current.HasValue ? new(TableTransactionActionType.UpdateReplace, updated, updated.ETag) : new(TableTransactionActionType.Add, updated),
            ];
            try
            {
                await storage.Tallies.SubmitTransactionAsync(actions, cancellationToken);
                return;
            }
            catch (TableTransactionFailedException e) when (e.FailedTransactionActionIndex == 0 && e.Status == 409)
            {
                logger.LogInformation("A duplicate response for wave {WaveId} was acknowledged without counting it again", response.WaveId);
                return;
            }
            catch (TableTransactionFailedException e) when (e.FailedTransactionActionIndex == 1 && e.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Another response to the same unit won the race: read again after a jittered, growing pause, so
                // that many writers to one unit spread out instead of colliding again in lockstep.
                var ceiling = Math.Min(1000, 10 << Math.Min(attempt, 7));
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(ceiling / 4, ceiling)), cancellationToken);
            }
        }
    }
}
