using Azure.Data.Tables;
using Azure.Storage.Queues;
using PulsePipeline.Models.Messages;
using PulsePipeline.Models.Tokens;
using PulsePipeline.Pipeline.Storage;

namespace PulsePipeline.Lab.Bench;

/// <summary>
/// Raw storage work of responses, with the pipeline's concurrency and nothing else: a queue and a tallies table
/// (and for the submission protocol a token table) of its own, kept for all rounds of a bench so they warm up and
/// grow as the pipeline's wave table does, and deleted at the end. The floor for tallying: per response, what the
/// pipeline cannot do without — send a queue message of the same size, receive it (in batches of 32, as queue
/// triggers do), one entity-group transaction (marker insert and tally upsert in the unit's partition), delete
/// the message.
/// </summary>
internal sealed class RawStorage : IAsyncDisposable
{
    private readonly QueueClient queue;
    private readonly TableClient tallies;
    private readonly TableClient tokens;

    private RawStorage(BenchSession session, string name)
    {
        var clients = session.Get<StorageClients>();
        queue = clients.Queues.GetQueueClient(session.Prefix + name);
        tallies = clients.Tables.GetTableClient(session.Prefix + name + "tallies");
        tokens = clients.Tables.GetTableClient(session.Prefix + name + "tokens");
    }

    /// <summary>
    /// Creates the queue and tables; for the submission protocol, writes (off the clock) the token rows opening a
    /// wave would write for every response of every round, and the wave row.
    /// </summary>
    public static async Task<RawStorage> CreateAsync(BenchSession session, string name, IEnumerable<string> tokenHashes, CancellationToken cancellationToken)
    {
        var raw = new RawStorage(session, name);
        await raw.queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await raw.tallies.CreateIfNotExistsAsync(cancellationToken);
        await raw.tokens.CreateIfNotExistsAsync(cancellationToken);
        var rows = tokenHashes
            .Select(h => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(TokenPartition.Of(h), h) { ["Unit"] = "u", ["Used"] = false }))
            .Append(new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity("wave", "w") { ["State"] = "open" }));
        await TableBatches.SubmitAsync(raw.tokens, rows, cancellationToken);
        return raw;
    }

    /// <summary>The floor: send, receive, one transaction, delete.</summary>
    public Task ResponsesAsync(IReadOnlyList<string> responses, int senders, int consumers, CancellationToken cancellationToken) =>
        RunAsync(responses, senders, consumers, async (body, ct) => await queue.SendMessageAsync(body, ct), cancellationToken);

    /// <summary>
    /// The storage operations of the survey's exactly-once submission, issued directly with the same concurrency
    /// and no HTTP, host or page rendering: read the token row, read the wave row, send the message held, mark
    /// the token used under its ETag, reveal the message; then the same tally floor as <see cref="ResponsesAsync"/>.
    /// Comparing the pipeline with this shows what the pipeline itself adds to its own storage work.
    /// </summary>
    public Task SubmissionProtocolAsync(IReadOnlyList<string> responses, int senders, int consumers, CancellationToken cancellationToken) =>
        RunAsync(responses, senders, consumers, async (body, ct) =>
        {
            var hash = QueueMessages.Parse<ResponseMessage>(body).TokenHash;
            var token = (await tokens.GetEntityAsync<TableEntity>(TokenPartition.Of(hash), hash, cancellationToken: ct)).Value;
            await tokens.GetEntityAsync<TableEntity>("wave", "w", cancellationToken: ct);
            var held = (await queue.SendMessageAsync(body, TimeSpan.FromSeconds(30), cancellationToken: ct)).Value;
            token["Used"] = true;
            await tokens.UpdateEntityAsync(token, token.ETag, TableUpdateMode.Replace, ct);
            await queue.UpdateMessageAsync(held.MessageId, held.PopReceipt, (BinaryData?)null, TimeSpan.Zero, ct);
        }, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await queue.DeleteIfExistsAsync(CancellationToken.None);
        await tallies.DeleteAsync(CancellationToken.None);
        await tokens.DeleteAsync(CancellationToken.None);
    }

    private async Task RunAsync(IReadOnlyList<string> responses, int senders, int consumers, Func<string, CancellationToken, Task> submit, CancellationToken cancellationToken)
    {
        var next = -1;
        var done = 0;
        var send = Task.WhenAll(Enumerable.Range(0, senders).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < responses.Count; i = Interlocked.Increment(ref next))
            {
                await submit(responses[i], cancellationToken);
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
                    await tallies.SubmitTransactionAsync(actions, ct);
                    await queue.DeleteMessageAsync(m.MessageId, m.PopReceipt, ct);
                    Interlocked.Increment(ref done);
                });
            }
        }));
        await Task.WhenAll(send, receive);
    }
}
