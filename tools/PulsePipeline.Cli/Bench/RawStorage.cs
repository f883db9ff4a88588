using System.Diagnostics;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using PulsePipeline.Models.Messages;
using PulsePipeline.Models.Tokens;
using PulsePipeline.Pipeline.Storage;

namespace PulsePipeline.Cli.Bench;

/// <summary>
/// Raw storage work of responses, with the pipeline's concurrency and nothing else. The floor for tallying: per response, what the pipeline cannot do without — send a queue message of the
/// same size, receive it (in batches of 32, as queue triggers do), one entity-group transaction (marker insert
/// and tally upsert in the unit's partition), delete the message — with the same concurrency and nothing else.
/// </summary>
internal static class RawStorage
{
    /// <summary>The floor: send, receive, one transaction, delete.</summary>
    public static Task<TimeSpan> ResponsesAsync(BenchSession session, IReadOnlyList<string> responses, int senders, int consumers, CancellationToken cancellationToken) =>
        RunAsync(session, "rawresponses", responses, senders, consumers, async (queue, _, body, ct) => await queue.SendMessageAsync(body, ct), cancellationToken);

    /// <summary>
    /// The storage operations of the survey's exactly-once submission, issued directly with the same concurrency
    /// and no HTTP, host or page rendering: read the token row, read the wave row, send the message held, mark
    /// the token used under its ETag, reveal the message; then the same tally floor as <see cref="ResponsesAsync"/>.
    /// Comparing the pipeline with this shows what the pipeline itself adds to its own storage work.
    /// </summary>
    public static async Task<TimeSpan> SubmissionProtocolAsync(BenchSession session, IReadOnlyList<string> responses, int senders, int consumers, CancellationToken cancellationToken)
    {
        var clients = session.Get<StorageClients>();
        var tokens = clients.Tables.GetTableClient(session.Prefix + "rawtokens");
        await tokens.CreateIfNotExistsAsync(cancellationToken);
        try
        {
            // Set-up, not timed: the rows opening a wave writes.
            var rows = responses.Select(r => QueueMessages.Parse<ResponseMessage>(r).TokenHash)
                .Select(h => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(TokenPartition.Of(h), h) { ["Unit"] = "u", ["Used"] = false }))
                .Append(new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity("wave", "w") { ["State"] = "open" }));
            await TableBatches.SubmitAsync(tokens, rows, cancellationToken);

            return await RunAsync(session, "rawsubmissions", responses, senders, consumers, async (queue, _, body, ct) =>
            {
                var hash = QueueMessages.Parse<ResponseMessage>(body).TokenHash;
                var token = (await tokens.GetEntityAsync<TableEntity>(TokenPartition.Of(hash), hash, cancellationToken: ct)).Value;
                await tokens.GetEntityAsync<TableEntity>("wave", "w", cancellationToken: ct);
                var held = (await queue.SendMessageAsync(body, TimeSpan.FromSeconds(30), cancellationToken: ct)).Value;
                token["Used"] = true;
                await tokens.UpdateEntityAsync(token, token.ETag, TableUpdateMode.Replace, ct);
                await queue.UpdateMessageAsync(held.MessageId, held.PopReceipt, (BinaryData?)null, TimeSpan.Zero, ct);
            }, cancellationToken);
        }
        finally
        {
            await tokens.DeleteAsync(CancellationToken.None);
        }
    }

    private static async Task<TimeSpan> RunAsync(BenchSession session, string name, IReadOnlyList<string> responses, int senders, int consumers, Func<QueueClient, int, string, CancellationToken, Task> submit, CancellationToken cancellationToken)
    {
        var clients = session.Get<StorageClients>();
        var queue = clients.Queues.GetQueueClient(session.Prefix + name);
        var table = clients.Tables.GetTableClient(session.Prefix + name + "tallies");
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
                    await submit(queue, i, responses[i], cancellationToken);
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
