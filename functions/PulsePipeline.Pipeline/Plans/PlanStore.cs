using Azure;
using Azure.Data.Tables;
using PulsePipeline.Models.Plans;
using PulsePipeline.Pipeline.Storage;

namespace PulsePipeline.Pipeline.Plans;

/// <summary>
/// The plans table: one partition per plan, its row and its members' rows. Registration writes the members first and
/// the plan row last, so a plan is listed only when whole; a draw is one conditional write of the plan row (its seed).
/// </summary>
public sealed class PlanStore(PulseStorage storage)
{
    private TableClient Table => storage.Plans;

    /// <summary>Every plan, newest registration first (then by id): two queries, the plan rows and the member rows.</summary>
    public async Task<IReadOnlyList<RolloutPlan>> ListAsync(CancellationToken cancellationToken)
    {
        var plans = await Table.QueryAsync<PlanEntity>(TableClient.CreateQueryFilter($"RowKey eq {PlanEntity.Row}"), cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        var members = (await Table.QueryAsync<PlanMemberEntity>(MembersFilter(null), cancellationToken: cancellationToken).ToListAsync(cancellationToken))
            .ToLookup(m => m.PartitionKey, StringComparer.Ordinal);
        return [.. plans.Select(p => PlanRows.ToPlan(p, [.. members[p.PartitionKey]])).OfType<RolloutPlan>()
            .OrderByDescending(p => p.Registered).ThenBy(p => p.Id, StringComparer.Ordinal)];
    }

    public async Task<RolloutPlan?> GetAsync(string id, CancellationToken cancellationToken) =>
        await GetRowAsync(id, cancellationToken) is { } row ? PlanRows.ToPlan(row, await MembersAsync(id, cancellationToken)) : null;

    internal async Task<PlanEntity?> GetRowAsync(string id, CancellationToken cancellationToken)
    {
        if (!PlanIds.IsValid(id))
        {
            return null;
        }

        var row = await Table.GetEntityIfExistsAsync<PlanEntity>(id, PlanEntity.Row, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    internal async Task<PlanMemberEntity?> GetMemberAsync(string id, string unit, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<PlanMemberEntity>(id, PlanRows.MemberKey(unit), cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    /// <summary>Writes a new plan: its members, then its row (refused with 409 if the id is taken).</summary>
    internal async Task AddAsync(RolloutPlan plan, CancellationToken cancellationToken)
    {
        var members = plan.Eligible.Select(c => new TableTransactionAction(TableTransactionActionType.UpsertReplace, PlanRows.ToMember(plan.Id, c)));
        await TableBatches.SubmitAsync(Table, members, cancellationToken);
        await Table.AddEntityAsync(PlanRows.ToEntity(plan), cancellationToken);
    }

    /// <summary>Records the draw on the plan row if it is still the version read; false when another draw came first.</summary>
    internal async Task<bool> RecordDrawAsync(PlanEntity row, PlanDrawing drawing, CancellationToken cancellationToken)
    {
        row.Seed = drawing.Seed;
        row.DrawnById = drawing.ById;
        row.DrawnByName = drawing.ByName;
        row.Drawn = PlanRows.Day(drawing.Day);
        return await ReplaceIfUnchangedAsync(row, cancellationToken);
    }

    /// <summary>Records a withdrawal on the member row if it is still the version read; false when it changed meanwhile.</summary>
    internal async Task<bool> RecordWithdrawalAsync(PlanMemberEntity member, PlanWithdrawal withdrawal, CancellationToken cancellationToken)
    {
        member.WithdrawnReason = withdrawal.Reason;
        member.WithdrawnById = withdrawal.ById;
        member.WithdrawnByName = withdrawal.ByName;
        member.Withdrawn = PlanRows.Day(withdrawal.Day);
        return await ReplaceIfUnchangedAsync(member, cancellationToken);
    }

    /// <summary>Replaces the row if it is still the version read (its ETag); false when it changed or went meanwhile.</summary>
    private async Task<bool> ReplaceIfUnchangedAsync(ITableEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await Table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
    }

    private async Task<List<PlanMemberEntity>> MembersAsync(string id, CancellationToken cancellationToken) =>
        await Table.QueryAsync<PlanMemberEntity>(MembersFilter(id), cancellationToken: cancellationToken).ToListAsync(cancellationToken);

    /// <summary>Member rows (row keys from "m|" up to "m}"), of one plan or of all.</summary>
    private static string MembersFilter(string? id)
    {
        var rows = TableClient.CreateQueryFilter($"RowKey ge {PlanMemberEntity.RowPrefix} and RowKey lt {"m}"}");
        return id is null ? rows : TableClient.CreateQueryFilter($"PartitionKey eq {id}") + " and " + rows;
    }
}
