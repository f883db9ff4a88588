using PulsePipeline.Models.Interventions;

namespace PulsePipeline.Pipeline.Interventions;

/// <summary>
/// The answer to an add, update or end: the outcome, the intervention as stored now (when there is one), and the
/// problems that refused it (for <see cref="InterventionWriteOutcome.Invalid"/>). Expected outcomes are values, not
/// exceptions, so a form can show them next to its fields.
/// </summary>
public sealed record InterventionWriteResult(InterventionWriteOutcome Outcome, StoredIntervention? Intervention, IReadOnlyList<InterventionProblem> Problems)
{
    public static InterventionWriteResult Saved(StoredIntervention stored) => new(InterventionWriteOutcome.Saved, stored, []);

    public static InterventionWriteResult Unchanged(StoredIntervention stored) => new(InterventionWriteOutcome.Unchanged, stored, []);

    public static InterventionWriteResult Invalid(IReadOnlyList<InterventionProblem> problems) => new(InterventionWriteOutcome.Invalid, null, problems);

    public static InterventionWriteResult NotFound { get; } = new(InterventionWriteOutcome.NotFound, null, []);

    public static InterventionWriteResult Conflict(StoredIntervention? current) =>
        current is null ? NotFound : new(InterventionWriteOutcome.Conflict, current, []);
}
