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
/// Adds responses to their unit's private tally, exactly once. One entity-group transaction in the wave's own table
/// inserts a marker keyed by each token hash and updates the tally under its ETag: a duplicate fails its insert and is
/// acknowledged without change; a concurrent update fails the ETag and is retried with jitter.
/// Responses to the same unit that arrive while a transaction for it is in flight wait and then go together in
/// the next one (up to 99 markers and the tally), which reads the wave and the tally once for all of them: a
/// busy unit costs a few transactions instead of one per response plus a storm of ETag retries. Each
/// response's message is acknowledged (its call returns) only after the transaction that counted it succeeded.
/// </summary>
public sealed class TallyResponseStep(PulseStorage storage, WaveStore waves, ILogger<TallyResponseStep> logger)
{
    /// <summary>After this many lost races the messages go back to the queue (the host retries them later).</summary>
    public const int MaxAttempts = 200;

    /// <summary>Markers per transaction: a transaction holds at most 100 operations, one of them the tally.</summary>
    public const int MaxGroup = TableBatches.MaxPerTransaction - 1;

    private readonly Dictionary<string, List<Pending>> waiting = new(StringComparer.Ordinal);

    public async Task HandleAsync(string message, CancellationToken cancellationToken)
    {
        var pending = new Pending(QueueMessages.Parse<ResponseMessage>(message));

        // Responses wait per (wave, unit): the same unit in two waves is two partitions of two tables.
        var partition = $"{pending.Response.WaveId}|{TallyEntity.Partition(pending.Response.UnitId)}";
        lock (waiting)
        {
            if (waiting.TryGetValue(partition, out var queued))
            {
                queued.Add(pending);
                pending.Joined = true;
            }
            else
            {
                waiting[partition] = [];
            }
        }

        if (!pending.Joined)
        {
            await LeadAsync(partition, pending, cancellationToken);
        }

        await pending.Done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Commits this response, then whatever queued up for the unit meanwhile, until nothing waits.</summary>
    private async Task LeadAsync(string partition, Pending first, CancellationToken cancellationToken)
    {
        List<Pending> group = [first];
        while (group.Count > 0)
        {
            try
            {
                await CommitAsync(group, cancellationToken);
            }
            catch (Exception e)
            {
                // Storage trouble or shutdown: every response of this group fails and its message is retried.
                group.ForEach(p => p.Done.TrySetException(e));
            }

            lock (waiting)
            {
                var queued = waiting[partition];
                group = [];
                var hashes = new HashSet<string>(StringComparer.Ordinal);
                foreach (var p in queued.ToList())
                {
                    // The same response delivered twice at once goes in the next round, where its marker finds the first.
                    if (group.Count < MaxGroup && hashes.Add(p.Response.TokenHash))
                    {
                        group.Add(p);
                        queued.Remove(p);
                    }
                }

                if (group.Count == 0)
                {
                    waiting.Remove(partition);
                }
            }
        }
    }

    private async Task CommitAsync(List<Pending> group, CancellationToken cancellationToken)
    {
        var wave = await waves.GetAsync(group[0].Response.WaveId, cancellationToken);
        var instrument = wave is null ? null : Instruments.TryGet(wave.InstrumentVersion, out var known) ? known : null;
        RejectUnfit(group, wave, instrument);
        if (group.Count > 0)
        {
            await AddToTallyAsync(storage.WaveTable(wave!), instrument!, group, cancellationToken);
        }
    }

    /// <summary>Fails (to the poison queue) and drops the responses that cannot be counted in <paramref name="wave"/>.</summary>
    private static void RejectUnfit(List<Pending> group, WaveEntity? wave, SurveyInstrument? instrument)
    {
        foreach (var p in group.ToList())
        {
            var problem = wave is null ? "the response names a wave that does not exist"
                // Publication waits for the responses queue to drain, so this is a message that arrived far too late;
                // it goes to the poison queue rather than silently changing nothing.
                : wave.State == WaveStates.Published || wave.TalliesArchived ? $"wave {wave.RowKey} is already published; a late response cannot be added"
                : p.Response.InstrumentVersion != wave.InstrumentVersion || instrument is null ? $"the response's instrument version does not match wave {wave.RowKey}'s"
                : null;
            if (problem is not null)
            {
                p.Done.TrySetException(new MalformedMessageException(problem));
                group.Remove(p);
            }
        }
    }

    /// <summary>
    /// Adds the group to its unit's running tally and writes a marker per response in one transaction: a marker that
    /// exists already is a duplicate, acknowledged and left out; a tally changed by another writer is read again.
    /// </summary>
    private async Task AddToTallyAsync(TableClient table, SurveyInstrument instrument, List<Pending> group, CancellationToken cancellationToken)
    {
        var waveId = group[0].Response.WaveId;
        var partition = TallyEntity.Partition(group[0].Response.UnitId);
        for (var attempt = 1; group.Count > 0;)
        {
            var current = await table.GetEntityIfExistsAsync<TallyEntity>(partition, TallyEntity.Row, cancellationToken: cancellationToken);
            var tally = current.HasValue ? current.Value!.ToTally() : PrivateTally.Empty(instrument);
            foreach (var p in group)
            {
                tally = tally.Add(instrument, p.Response.Answers);
            }

            var updated = TallyEntity.From(partition, tally, current.HasValue ? current.Value!.ETag : ETag.All);
            var actions = group.Select(p => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition, TallyEntity.MarkerRow(p.Response.TokenHash)))).ToList();
            actions.Add(current.HasValue ? new(TableTransactionActionType.UpdateReplace, updated, updated.ETag) : new(TableTransactionActionType.Add, updated));
            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken);
                group.ForEach(p => p.Done.TrySetResult());
                return;
            }
            catch (TableTransactionFailedException e) when (e.FailedTransactionActionIndex < group.Count && e.Status == 409)
            {
                logger.LogInformation("A duplicate response for wave {WaveId} was acknowledged without counting it again", waveId);
                var duplicate = group[e.FailedTransactionActionIndex!.Value];
                duplicate.Done.TrySetResult();
                group.Remove(duplicate);
            }
            catch (TableTransactionFailedException e) when (e.FailedTransactionActionIndex == group.Count && e.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Another writer (another host instance) updated the tally first: read again after a jittered,
                // growing pause, so that writers to one unit spread out instead of colliding again in lockstep.
                var ceiling = Math.Min(1000, 10 << Math.Min(attempt, 7));
                attempt++;
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(ceiling / 4, ceiling)), cancellationToken);
            }
        }
    }

    private sealed class Pending(ResponseMessage response)
    {
        public ResponseMessage Response { get; } = response;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Joined { get; set; }
    }
}
