using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using PulsePipeline.Models.Sending;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;

namespace PulsePipeline.Pipeline.Email;

/// <summary>
/// The send ledger's row: read, changed and written back under its ETag, again from a fresh read whenever another host
/// wrote in between (412) or created it first (409). The last version this host wrote is kept, so an uncontended change
/// costs one request; a change that found nothing to grant on that copy is redone on a fresh read before it is believed.
/// </summary>
public sealed class SendLedgerStore(PulseStorage storage, ILogger<SendLedgerStore> logger)
{
    private SendLedgerEntity? known;

    /// <summary>
    /// Applies <paramref name="change"/> (which may run several times, each on a fresh copy) and stores the result when
    /// it says it changed anything. <paramref name="change"/> returns its result and whether it wrote; a result that
    /// <paramref name="trusted"/> refuses on a cached copy is computed again on a fresh read.
    /// </summary>
    public async Task<T> UpdateAsync<T>(Func<SendLedger, (T Result, bool Changed)> change, Func<T, bool> trusted, CancellationToken cancellationToken)
    {
        for (var fresh = known is null; ; fresh = true)
        {
            var row = fresh || known is null ? await ReadAsync(cancellationToken) : known;
            var ledger = Parse(row);
            var (result, changed) = change(ledger);
            if (!changed)
            {
                if (fresh || trusted(result))
                {
                    return result;
                }

                continue;
            }

            var next = new SendLedgerEntity { PartitionKey = SendLedgerEntity.Partition, RowKey = SendLedgerEntity.Row, State = SendLedgerFormat.Serialize(ledger) };
            try
            {
                var response = row.ETag == default
                    ? await storage.SendLedger.AddEntityAsync(next, cancellationToken)
                    : await storage.SendLedger.UpdateEntityAsync(next, row.ETag, TableUpdateMode.Replace, cancellationToken);
                next.ETag = response.Headers.ETag ?? default;
                known = next.ETag == default ? null : next;
                return result;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                known = null; // another host wrote first: start again from what it wrote
            }
        }
    }

    private async Task<SendLedgerEntity> ReadAsync(CancellationToken cancellationToken)
    {
        var response = await storage.SendLedger.GetEntityIfExistsAsync<SendLedgerEntity>(SendLedgerEntity.Partition, SendLedgerEntity.Row, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value! : new SendLedgerEntity { PartitionKey = SendLedgerEntity.Partition, RowKey = SendLedgerEntity.Row };
    }

    /// <exception cref="InvalidDataException">
    /// The row cannot be read (written by a newer version, or damaged). Nothing is sent until it is deleted: what it
    /// recorded is lost, and guessing could exceed the quota. The failed sends are retried and, in the end, poisoned,
    /// which the operator hears of.
    /// </exception>
    private SendLedger Parse(SendLedgerEntity row)
    {
        try
        {
            return row.State.Length == 0 ? new SendLedger() : SendLedgerFormat.Deserialize(row.State);
        }
        catch (InvalidDataException e)
        {
            logger.LogError("The send ledger ({Table}, row {Partition}/{Row}) cannot be read: {Reason}. No email is sent until the row is deleted", storage.Names.SendLedger, SendLedgerEntity.Partition, SendLedgerEntity.Row, e.Message);
            throw;
        }
    }
}
