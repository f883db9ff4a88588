using Azure.Data.Tables;
using PulsePipeline.Models.Effects;
using PulsePipeline.Models.Effects.Plans;
using PulsePipeline.Pipeline.Storage;

namespace PulsePipeline.Pipeline.Plans;

/// <summary>
/// The plans' design-based effects as known at each published wave, one row per plan, wave and construct. Writing a
/// wave's effects replaces those rows (a rerun with the same input leaves the same rows).
/// </summary>
public sealed class PlanEffectStore(PulseStorage storage)
{
    public async Task WriteAsync(string asOfWave, IReadOnlyList<PlanEffect> effects, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(effects);
        var rows = effects.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(asOfWave, e)));
        await TableBatches.SubmitAsync(storage.Plans, rows, cancellationToken);
    }

    /// <summary>Every plan's effects known at <paramref name="asOfWave"/>, by plan id then construct (pressure first).</summary>
    public async Task<IReadOnlyList<PlanEffect>> ReadAsync(string asOfWave, CancellationToken cancellationToken)
    {
        var prefix = $"{PlanEffectEntity.RowPrefix}{asOfWave}|";
        var filter = TableClient.CreateQueryFilter($"RowKey gt {prefix} and RowKey lt {prefix[..^1] + "}"}");
        var rows = await storage.Plans.QueryAsync<PlanEffectEntity>(filter, cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.PartitionKey, StringComparer.Ordinal).ThenBy(r => r.Construct == "pressure" ? 0 : 1).Select(ToEffect)];
    }

    internal static PlanEffectEntity ToEntity(string asOfWave, PlanEffect e)
    {
        var construct = EffectWords.Id(e.Construct);
        return new PlanEffectEntity
        {
            PartitionKey = e.Plan,
            RowKey = PlanEffectEntity.Key(asOfWave, construct),
            Type = e.Type,
            Construct = construct,
            Members = e.Members,
            Estimate = e.Estimate,
            CiLow = e.CiLow,
            CiHigh = e.CiHigh,
            Verdict = EffectWords.Id(e.Verdict),
            Reason = e.Reason.ToString(),
            Window = string.Join(',', e.Window),
            WindowClosed = e.WindowClosed,
            Cohorts = e.Cohorts,
            WithBaseline = e.WithBaseline,
        };
    }

    internal static PlanEffect ToEffect(PlanEffectEntity row) =>
        new(row.PartitionKey, row.Type, EffectEstimator.Constructs.First(c => EffectWords.Id(c) == row.Construct), row.Members, row.Estimate, row.CiLow, row.CiHigh, EffectWords.VerdictOf(row.Verdict), Enum.TryParse<PlanReason>(row.Reason, out var reason) ? reason : PlanReason.None)
        {
            Window = row.Window.Length == 0 ? [] : row.Window.Split(','),
            WindowClosed = row.WindowClosed,
            Cohorts = row.Cohorts,
            WithBaseline = row.WithBaseline,
        };
}
