using System.Globalization;
using Azure.Data.Tables;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;

namespace PulsePipeline.Pipeline.Access;

/// <summary>
/// Server-side sign-out for the workspace's development sign-in: its signed cookie names a random session id, and
/// signing out records that id here, so the same cookie replayed afterwards is refused (by every host over the same
/// storage) although its signature and expiry still hold. A row is needed only until the cookie would have expired:
/// rows are partitioned by that day, and each sign-out deletes the partitions of days already past.
/// </summary>
public sealed class SignOuts(PulseStorage storage, TimeProvider clock)
{
    private TableClient Table => storage.SignOuts;

    /// <summary>Records that the session <paramref name="sessionId"/>, whose cookie expires at <paramref name="expires"/>, has ended.</summary>
    public async Task RecordAsync(string sessionId, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        await Table.UpsertEntityAsync(new SignOutEntity { PartitionKey = Day(expires), RowKey = sessionId }, TableUpdateMode.Replace, cancellationToken);
        var past = TableClient.CreateQueryFilter($"PartitionKey lt {Day(clock.GetUtcNow())}");
        await foreach (var old in Table.QueryAsync<SignOutEntity>(past, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            await Table.DeleteEntityAsync(old.PartitionKey, old.RowKey, cancellationToken: cancellationToken);
        }
    }

    /// <summary>True when the session was signed out.</summary>
    public async Task<bool> ContainsAsync(string sessionId, DateTimeOffset expires, CancellationToken cancellationToken) =>
        (await Table.GetEntityIfExistsAsync<SignOutEntity>(Day(expires), sessionId, select: ["RowKey"], cancellationToken: cancellationToken)).HasValue;

    private static string Day(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
