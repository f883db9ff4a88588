using Azure.Data.Tables;
using PulsePipeline.Models.Audit;
using PulsePipeline.Models.Csv;
using PulsePipeline.Models.Interventions;
using PulsePipeline.Pipeline.Audit;
using PulsePipeline.Pipeline.Storage;

namespace PulsePipeline.Pipeline.Interventions;

/// <summary>
/// Imports interventions.csv (semantics: <see cref="InterventionImport"/>): the whole file is checked against the
/// registry and the known units first, and nothing is written on any problem. Then the changes go out in entity-group
/// transactions of whole interventions (one transaction, so all or nothing, up to about 33 interventions), each under
/// the version the plan was made from, and every change gets its audit row.
/// </summary>
public sealed class InterventionImporter(PulseStorage storage, InterventionStore store, KnownUnits units, AuditLog audit)
{
    /// <param name="actor">Who imports, for the audit.</param>
    /// <param name="defaultOwner">The owner of new interventions when the file has no owner column.</param>
    /// <exception cref="ArgumentException"><paramref name="actor"/> cannot be recorded in the audit; nothing is written.</exception>
    public async Task<InterventionImportResult> ImportAsync(CsvDocument document, AuditActor actor, string defaultOwner, CancellationToken cancellationToken)
    {
        AuditLog.CheckActor(actor);
        var stored = await store.ListAsync(InterventionFilter.All, cancellationToken);
        var known = await units.LoadAsync(cancellationToken);
        var plan = InterventionImport.Plan(document, [.. stored.Select(s => s.Intervention)], known.Contains, defaultOwner);
        if (!plan.IsValid)
        {
            return new InterventionImportResult(plan, 0, null);
        }

        var current = stored.ToDictionary(s => s.Intervention.Id, StringComparer.Ordinal);
        var writes = plan.Added
            .Select(a => a.Id.Length == 0 ? a with { Id = InterventionIds.New() } : a)
            .Select(a => new Write([.. InterventionRows.Insert(a)], new AuditEvent(AuditActions.InterventionAdded, a.Id, InterventionStore.Describe(a))))
            .Concat(plan.Updated.Select(c => new Write(
                [.. InterventionRows.Update(current[c.Before.Id], c.After)],
                new AuditEvent(InterventionStore.ActionOf(c), c.After.Id, InterventionStore.Describe(c)))));

        var written = 0;
        foreach (var transaction in Transactions(writes))
        {
            try
            {
                await storage.Interventions.SubmitTransactionAsync(transaction.SelectMany(w => w.Actions), cancellationToken);
            }
            catch (TableTransactionFailedException e)
            {
                var failed = FailedWrite(transaction, e.FailedTransactionActionIndex);
                return new InterventionImportResult(plan, written, $"intervention {failed.Event.Subject} was changed by someone else while the file was imported ({e.Status}); {written} of {plan.Added.Count + plan.Updated.Count} changes were written. Import the file again to apply the rest.");
            }

            await audit.RecordAsync(actor, [.. transaction.Select(w => w.Event)], cancellationToken);
            written += transaction.Count;
        }

        return new InterventionImportResult(plan, written, null);
    }

    /// <summary>Whole interventions per transaction, at most the 100 actions a transaction may hold.</summary>
    private static IEnumerable<List<Write>> Transactions(IEnumerable<Write> writes)
    {
        var current = new List<Write>();
        var actions = 0;
        foreach (var write in writes)
        {
            if (actions + write.Actions.Count > TableBatches.MaxPerTransaction)
            {
                yield return current;
                current = [];
                actions = 0;
            }

            current.Add(write);
            actions += write.Actions.Count;
        }

        if (current.Count > 0)
        {
            yield return current;
        }
    }

    private static Write FailedWrite(List<Write> transaction, int? actionIndex)
    {
        var index = actionIndex ?? 0;
        foreach (var write in transaction)
        {
            if (index < write.Actions.Count)
            {
                return write;
            }

            index -= write.Actions.Count;
        }

        return transaction[^1];
    }

    private sealed record Write(IReadOnlyList<TableTransactionAction> Actions, AuditEvent Event);
}
