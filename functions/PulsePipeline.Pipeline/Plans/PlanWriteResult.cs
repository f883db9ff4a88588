using PulsePipeline.Models.Plans;

namespace PulsePipeline.Pipeline.Plans;

/// <summary>
/// The answer to a registration, draw or withdrawal: the plan as stored now (null when none is), and the problems that
/// refused the request. Refusals are values, so a form shows them beside its fields and the CLI lists them.
/// </summary>
public sealed record PlanWriteResult(RolloutPlan? Plan, IReadOnlyList<PlanProblem> Problems)
{
    public bool Saved => Problems.Count == 0 && Plan is not null;

    public bool NotFound => Problems.Count == 0 && Plan is null;

    public static PlanWriteResult Done(RolloutPlan plan) => new(plan, []);

    public static PlanWriteResult Refused(RolloutPlan? plan, IReadOnlyList<PlanProblem> problems) => new(plan, problems);

    public static PlanWriteResult Missing { get; } = new(null, []);
}
