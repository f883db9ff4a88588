using Azure.Data.Tables;
using PulsePipeline.Models.Audit;
using PulsePipeline.Models.Interventions;
using PulsePipeline.Pipeline.Audit;
using PulsePipeline.Pipeline.Storage.Entities;

namespace PulsePipeline.Pipeline.Interventions;

/// <summary>
/// IPIM's intervention registry, for `pulse interventions` and the workspace. Every write is checked with
/// <see cref="InterventionRules"/> (and the unit must be known), refused whole on any problem, made under the version
/// it was based on, and followed by an audit row naming the actor. Unit, type and start wave are unique: storage
/// refuses a second claim in the same transaction that writes the intervention.
/// </summary>
public sealed class InterventionStore(Storage.PulseStorage storage, KnownUnits units, AuditLog audit)
{
    private const int MaxAttempts = 5;

    private TableClient Table => storage.Interventions;

    /// <summary>The interventions that match <paramref name="filter"/>, by unit, start wave and type.</summary>
    public async Task<IReadOnlyList<StoredIntervention>> ListAsync(InterventionFilter? filter, CancellationToken cancellationToken)
    {
        filter ??= InterventionFilter.All;
        var conditions = new List<string> { InterventionEntity.AllRowsFilter };
        if (filter.Unit is { } unit)
        {
            conditions.Add(TableClient.CreateQueryFilter($"Unit eq {unit}"));
        }

        if (filter.Status is { } status)
        {
            conditions.Add(TableClient.CreateQueryFilter($"Status eq {status}"));
        }

        if (filter.Type is { } type)
        {
            conditions.Add(TableClient.CreateQueryFilter($"Type eq {type}"));
        }

        var list = new List<StoredIntervention>();
        await foreach (var row in Table.QueryAsync<InterventionEntity>(string.Join(" and ", conditions), cancellationToken: cancellationToken))
        {
            list.Add(InterventionRows.ToStored(row));
        }

        return [.. list
            .OrderBy(s => s.Intervention.Unit, StringComparer.Ordinal)
            .ThenBy(s => s.Intervention.StartWave, StringComparer.Ordinal)
            .ThenBy(s => s.Intervention.Type, StringComparer.Ordinal)
            .ThenBy(s => s.Intervention.Id, StringComparer.Ordinal)];
    }

    public async Task<StoredIntervention?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (!InterventionIds.IsValid(id))
        {
            return null;
        }

        var row = await Table.GetEntityIfExistsAsync<InterventionEntity>(InterventionEntity.Partition, InterventionRows.RowKey(id), cancellationToken: cancellationToken);
        return row.HasValue ? InterventionRows.ToStored(row.Value!) : null;
    }

    /// <summary>Records a new intervention; an empty id gets a new one.</summary>
    /// <exception cref="ArgumentException"><paramref name="actor"/> cannot be recorded in the audit; nothing is written.</exception>
    public async Task<InterventionWriteResult> AddAsync(InterventionRecord candidate, AuditActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        AuditLog.CheckActor(actor);
        var problems = InterventionRules.Check(candidate).ToList();
        if (!problems.Exists(p => p.Field == InterventionFields.Unit) && !await units.ContainsAsync(candidate.Unit, cancellationToken))
        {
            problems.Add(InterventionRules.UnknownUnit(candidate.Unit));
        }

        if (problems.Count > 0)
        {
            return InterventionWriteResult.Invalid(problems);
        }

        for (var attempt = 1; ; attempt++)
        {
            var record = candidate.Id.Length == 0 ? candidate with { Id = InterventionIds.New() } : candidate;
            try
            {
                var response = await Table.SubmitTransactionAsync(InterventionRows.Insert(record), cancellationToken);
                await audit.RecordAsync(actor, AuditActions.InterventionAdded, record.Id, Describe(record), cancellationToken);
                return InterventionWriteResult.Saved(InterventionRows.Stored(record, InterventionRows.FirstRevision, response.Value[0]));
            }
            catch (TableTransactionFailedException e) when (e.Status == 409 && e.FailedTransactionActionIndex == 1)
            {
                return InterventionWriteResult.Invalid([await DuplicateAsync(record, cancellationToken)]);
            }
            catch (TableTransactionFailedException e) when (e.Status == 409 && e.FailedTransactionActionIndex == 0)
            {
                if (candidate.Id.Length > 0 || attempt == MaxAttempts)
                {
                    return InterventionWriteResult.Invalid([InterventionRules.IdTaken(candidate.Id)]);
                }
            }
        }
    }

    /// <summary>
    /// Replaces a stored intervention's start wave, status, owner and notes with <paramref name="updated"/>'s, if it is
    /// still at <paramref name="expectedVersion"/> (<see cref="StoredIntervention.Version"/>); otherwise a conflict with
    /// the current one. The write itself is made under the row's ETag, so a change in between is a conflict too. Unit
    /// and type cannot change, nor a plan member's plan and start wave; an update that names no plan keeps the stored one
    /// (the form never names it).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="actor"/> cannot be recorded in the audit; nothing is written.</exception>
    public async Task<InterventionWriteResult> UpdateAsync(InterventionRecord updated, string expectedVersion, AuditActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updated);
        AuditLog.CheckActor(actor);
        if (await GetAsync(updated.Id, cancellationToken) is not { } current)
        {
            return InterventionWriteResult.NotFound;
        }

        if (updated.Plan.Length == 0)
        {
            updated = updated with { Plan = current.Intervention.Plan };
        }

        var problems = InterventionRules.Check(updated).Concat(InterventionRules.CheckChange(current.Intervention, updated)).ToList();
        if (problems.Count > 0)
        {
            return InterventionWriteResult.Invalid(problems);
        }

        if (current.Version != expectedVersion)
        {
            return InterventionWriteResult.Conflict(current);
        }

        if (current.Intervention == updated)
        {
            return InterventionWriteResult.Unchanged(current);
        }

        try
        {
            var response = await Table.SubmitTransactionAsync(InterventionRows.Update(current, updated), cancellationToken);
            var change = new InterventionChange(current.Intervention, updated);
            await audit.RecordAsync(actor, ActionOf(change), updated.Id, Describe(change), cancellationToken);
            return InterventionWriteResult.Saved(InterventionRows.Stored(updated, current.Revision + 1, response.Value[0]));
        }
        catch (TableTransactionFailedException e) when (e.FailedTransactionActionIndex == 0 && e.Status is 412 or 404)
        {
            return InterventionWriteResult.Conflict(await GetAsync(updated.Id, cancellationToken));
        }
        catch (TableTransactionFailedException e) when (e.FailedTransactionActionIndex == 2 && e.Status == 409)
        {
            return InterventionWriteResult.Invalid([await DuplicateAsync(updated, cancellationToken)]);
        }
    }

    /// <summary>
    /// Marks an intervention ended. Only the status changes, so a concurrent edit is read again and kept rather than
    /// overwritten; an intervention that has ended already is left as it is.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="actor"/> cannot be recorded in the audit; nothing is written.</exception>
    public async Task<InterventionWriteResult> EndAsync(string id, AuditActor actor, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await GetAsync(id, cancellationToken) is not { } current)
            {
                return InterventionWriteResult.NotFound;
            }

            if (current.Intervention.Status == InterventionStatuses.Ended)
            {
                return InterventionWriteResult.Unchanged(current);
            }

            var result = await UpdateAsync(current.Intervention with { Status = InterventionStatuses.Ended }, current.Version, actor, cancellationToken);
            if (result.Outcome != InterventionWriteOutcome.Conflict || attempt == MaxAttempts)
            {
                return result;
            }
        }
    }

    internal static string ActionOf(InterventionChange change) =>
        change.After.Status == InterventionStatuses.Ended && change.Before.Status != InterventionStatuses.Ended
            ? AuditActions.InterventionEnded
            : AuditActions.InterventionUpdated;

    internal static string Describe(InterventionRecord i) => $"unit {i.Unit}; {i.Type} from wave {i.StartWave}; {i.Status}";

    internal static string Describe(InterventionChange change) => "changed: " + string.Join(", ", change.ChangedFields);

    private async Task<InterventionProblem> DuplicateAsync(InterventionRecord record, CancellationToken cancellationToken)
    {
        var claim = await Table.GetEntityIfExistsAsync<InterventionKeyEntity>(InterventionEntity.Partition, InterventionRows.KeyRowKey(record), cancellationToken: cancellationToken);
        return InterventionRules.Duplicate(record, claim.HasValue ? claim.Value!.InterventionId : "");
    }
}
