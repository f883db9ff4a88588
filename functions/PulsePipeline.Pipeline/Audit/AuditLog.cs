using System.Globalization;
using Azure.Data.Tables;
using PulsePipeline.Models.Audit;
using PulsePipeline.Models.Email;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;

namespace PulsePipeline.Pipeline.Audit;

/// <summary>
/// The audit of the IPIM workspace and the registry: who (stable id and display name) did what to which intervention or unit page, on which day.
/// The day (Amsterdam) is the only time stored: rows are partitioned by day and numbered within it by a counter
/// updated in the same transaction, so they list newest first without any per-row time (privacy rule 4).
/// </summary>
public sealed class AuditLog(PulseStorage storage, TimeProvider clock, DutchCalendar calendar)
{
    /// <summary>The most rows one listing returns.</summary>
    public const int MaxListing = 1000;

    private const int MaxPerTransaction = TableBatches.MaxPerTransaction - 1; // one action is the counter
    private const int MaxAttempts = 20;

    private TableClient Table => storage.Audit;

    /// <summary>Today in the Netherlands: the day an audit row written now carries.</summary>
    public DateOnly Today => calendar.Day(clock.GetUtcNow());

    /// <summary>Records that <paramref name="actor"/> did <paramref name="action"/> (<see cref="AuditActions"/>) to <paramref name="subject"/> today.</summary>
    /// <exception cref="ArgumentException">The values cannot be an audit row (an email address as actor, a control character…).</exception>
    public Task RecordAsync(AuditActor actor, string action, string subject, CancellationToken cancellationToken) =>
        RecordAsync(actor, action, subject, "", cancellationToken);

    /// <inheritdoc cref="RecordAsync(AuditActor, string, string, CancellationToken)"/>
    public Task RecordAsync(AuditActor actor, string action, string subject, string detail, CancellationToken cancellationToken) =>
        RecordAsync(actor, [new AuditEvent(action, subject, detail)], cancellationToken);

    /// <summary>Several rows for one actor, in order, numbered in as few transactions as possible.</summary>
    /// <exception cref="ArgumentException">One of the events cannot be an audit row; nothing is recorded.</exception>
    public async Task RecordAsync(AuditActor actor, IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var e in events)
        {
            Check(actor, e);
        }

        var day = Today;
        foreach (var chunk in events.Chunk(MaxPerTransaction))
        {
            await NumberAndInsertAsync(day, actor, chunk, cancellationToken);
        }
    }

    /// <summary>Throws when <paramref name="actor"/> could not be recorded, so a caller can refuse before changing anything.</summary>
    /// <exception cref="ArgumentException">The actor is not a valid audit actor.</exception>
    public static void CheckActor(AuditActor actor) => Check(actor, new AuditEvent(AuditActions.UnitViewed, "check"));

    /// <summary>Rows of the days <paramref name="from"/> to <paramref name="to"/> (inclusive), newest first, at most <paramref name="limit"/>.</summary>
    public async Task<AuditListing> ListAsync(DateOnly from, DateOnly to, int limit, CancellationToken cancellationToken)
    {
        limit = Math.Clamp(limit, 1, MaxListing);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {DayPartition(to)} and PartitionKey le {DayPartition(from)} and RowKey ge {AuditEntity.RowPrefix} and RowKey lt {"f"}");
        var entries = new List<AuditEntry>(Math.Min(limit, 100));
        await foreach (var row in Table.QueryAsync<AuditEntity>(filter, maxPerPage: Math.Min(limit + 1, MaxListing), cancellationToken: cancellationToken))
        {
            if (entries.Count == limit)
            {
                return new AuditListing(entries, Truncated: true);
            }

            entries.Add(new AuditEntry(DateOnly.ParseExact(row.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture), new AuditActor(row.ActorId, row.Actor), row.Action, row.Subject, row.Detail));
        }

        return new AuditListing(entries, Truncated: false);
    }

    private async Task NumberAndInsertAsync(DateOnly day, AuditActor actor, AuditEvent[] events, CancellationToken cancellationToken)
    {
        var partition = DayPartition(day);
        for (var attempt = 1; ; attempt++)
        {
            var counter = await Table.GetEntityIfExistsAsync<AuditCounterEntity>(partition, AuditCounterEntity.Key, cancellationToken: cancellationToken);
            var first = counter.HasValue ? counter.Value!.Next : 0;
            var actions = events.Select((e, i) => new TableTransactionAction(TableTransactionActionType.Add, new AuditEntity
            {
                PartitionKey = partition,
                RowKey = EntryKey(first + i),
                Day = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Actor = actor.Name,
                ActorId = actor.Id,
                Action = e.Action,
                Subject = e.Subject,
                Detail = e.Detail,
            })).ToList();
            var next = new AuditCounterEntity { PartitionKey = partition, RowKey = AuditCounterEntity.Key, Next = first + events.Length };
            actions.Add(counter.HasValue
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, next, counter.Value!.ETag)
                : new TableTransactionAction(TableTransactionActionType.Add, next));
            try
            {
                await Table.SubmitTransactionAsync(actions, cancellationToken);
                return;
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Another writer numbered rows of this day first: take the next numbers after a short, random pause.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), cancellationToken);
            }
        }
    }

    private static void Check(AuditActor actor, AuditEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (AuditEntry.Problem(actor, e.Action, e.Subject, e.Detail) is { } problem)
        {
            throw new ArgumentException(problem, nameof(actor));
        }
    }

    /// <summary>Later days sort first: 99999999 − yyyyMMdd, eight digits.</summary>
    private static string DayPartition(DateOnly day) =>
        (99_999_999 - ((day.Year * 10_000) + (day.Month * 100) + day.Day)).ToString("D8", CultureInfo.InvariantCulture);

    /// <summary>Later rows of a day sort first.</summary>
    private static string EntryKey(long sequence) =>
        AuditEntity.RowPrefix + (9_999_999_999 - sequence).ToString("D10", CultureInfo.InvariantCulture);
}
