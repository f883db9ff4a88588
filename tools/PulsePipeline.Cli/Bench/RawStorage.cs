using System.Diagnostics;
using Azure.Data.Tables;
using PulsePipeline.Models.Messages;
using PulsePipeline.Pipeline.Storage;

namespace PulsePipeline.Cli.Bench;

/// <summary>
/// The floor for tallying: per response, what the pipeline cannot do without — send a queue message of the
/// same size, receive it (in batches of 32, as queue triggers do), one entity-group transaction (marker insert
/// and tally upsert in the unit's partition), delete the message — with the same concurrency and nothing else.
/// </summary>
internal static class RawStorage
{
    public static async Task<TimeSpan> ResponsesAsync(BenchSession session, IReadOnlyList<string> responses, int senders, int consumers, CancellationToken cancellationToken)
    {
        var clients = session.Get<StorageClients>();
        var queue = clients.Queues.GetQueueClient(session.Prefix + "rawresponses");
        var table = clients.Tables.GetTableClient(session.Prefix + "rawtallies");
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await table.CreateIfNotExistsAsync(cancellationToken);
        try
        {
            var clock = Stopwatch.StartNew();
            var next = -1;
            var done = 0;
            var send = Task.WhenAll(Enumerable.Range(0, senders).Select(async _ =>
            {
                for (var i = Interlocked.Increment(ref next); i < responses.Count; i = Interlocked.Increment(ref next))
                {
                    await queue.SendMessageAsync(responses[i], cancellationToken);
                }
            }));
            var receive = Task.WhenAll(Enumerable.Range(0, consumers).Select(async c =>
            {
                while (Volatile.Read(ref done) < responses.Count)
                {
                    var batch = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1), cancellationToken)).Value;
                    if (batch.Length == 0)
                    {
                        await Task.Delay(10, cancellationToken);
                        continue;
                    }

                    await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (m, ct) =>
                    {
                        var response = QueueMessages.Parse<ResponseMessage>(m.Body.ToString());
                        var partition = $"{response.WaveId}|{response.UnitId}";
                        TableTransactionAction[] actions =
                        [
                            new(TableTransactionActionType.Add, new TableEntity(partition, "m|" + response.TokenHash)),
                            new(TableTransactionActionType.UpsertReplace, new TableEntity(partition, "tally") { ["N"] = 1L, ["Totals"] = m.Body.ToString() }),
                        ];
                        await table.SubmitTransactionAsync(actions, ct);
                        await queue.DeleteMessageAsync(m.MessageId, m.PopReceipt, ct);
                        Interlocked.Increment(ref done);
                    });
                }
            }));
            await Task.WhenAll(send, receive);
            return clock.Elapsed;
        }
        finally
        {
            await queue.DeleteIfExistsAsync(CancellationToken.None);
            await table.DeleteAsync(CancellationToken.None);
        }
    }
}
