using System.Globalization;
using PulsePipeline.Models.Plans;
using PulsePipeline.Pipeline.Storage;

namespace PulsePipeline.Pipeline.Plans;

/// <summary>How a plan maps to its rows, in one place (the store, and seeds that write a history straight to storage); the draw's members are computed from the recorded seed.</summary>
public static class PlanRows
{
    public static string MemberKey(string unit) => PlanMemberEntity.RowPrefix + TableKeys.Encode(unit);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static PlanEntity ToEntity(RolloutPlan plan) => new()
    {
        PartitionKey = plan.Id,
        RowKey = PlanEntity.Row,
        Type = plan.Type,
        Capacity = plan.Capacity,
        StartWaves = string.Join(',', plan.StartWaves),
        Strata = plan.Strata,
        Constructs = string.Join(',', plan.Constructs),
        Owner = plan.Owner,
        RegisteredById = plan.RegisteredById,
        RegisteredByName = plan.RegisteredByName,
        Registered = Day(plan.Registered),
        Members = plan.Eligible.Count,
        Seed = plan.Drawing?.Seed ?? "",
        DrawnById = plan.Drawing?.ById ?? "",
        DrawnByName = plan.Drawing?.ByName ?? "",
        Drawn = plan.Drawing is { } d ? Day(d.Day) : "",
    };

    public static PlanMemberEntity ToMember(string planId, PlanCandidate candidate) => new()
    {
        PartitionKey = planId,
        RowKey = MemberKey(candidate.Unit),
        Unit = candidate.Unit,
        Stratum = candidate.Stratum,
    };

    /// <summary>The plan of a plan row and its member rows; null when the members are not all written yet.</summary>
    public static RolloutPlan? ToPlan(PlanEntity row, IReadOnlyList<PlanMemberEntity> members)
    {
        if (members.Count != row.Members)
        {
            return null;
        }

        var eligible = members.Select(m => new PlanCandidate(m.Unit, m.Stratum)).OrderBy(c => c.Unit, StringComparer.Ordinal).ToList();
        var starts = Split(row.StartWaves);
        var plan = new RolloutPlan(row.PartitionKey, row.Type, eligible, row.Capacity, starts, row.Strata, Split(row.Constructs), row.Owner, row.RegisteredById, row.RegisteredByName, ParseDay(row.Registered))
        {
            Withdrawals = [.. members.Where(m => m.Withdrawn.Length > 0).OrderBy(m => m.Unit, StringComparer.Ordinal)
                .Select(m => new PlanWithdrawal(m.Unit, m.WithdrawnReason, m.WithdrawnById, m.WithdrawnByName, ParseDay(m.Withdrawn)))],
        };
        return PlanSeeds.TryParse(row.Seed, out var seed)
            ? plan with { Drawing = new PlanDrawing(row.Seed, row.DrawnById, row.DrawnByName, ParseDay(row.Drawn), PlanDraw.Draw(seed, eligible, starts)) }
            : plan;
    }

    private static string[] Split(string list) => list.Length == 0 ? [] : list.Split(',');

    private static DateOnly ParseDay(string day) => DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
