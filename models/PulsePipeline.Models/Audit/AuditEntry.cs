using PulsePipeline.Models.Identifiers;

namespace PulsePipeline.Models.Audit;

/// <summary>
/// One audit row: who (<see cref="AuditActor"/>: stable id and display name; rows written before ids were recorded
/// have an empty id), what (<see cref="AuditActions"/>), on what (an intervention or unit id), and on which day. The
/// day is all there is of time (privacy rule 4: nothing finer than the day). Audit rows never hold answers, tokens or
/// email addresses, and never the text of notes: the detail names which fields changed.
/// </summary>
public sealed record AuditEntry(DateOnly Day, AuditActor Actor, string Action, string Subject, string Detail)
{
    public const int MaxDetailLength = 1000;

    /// <summary>Why these values cannot be an audit row, or null when they can.</summary>
    public static string? Problem(AuditActor actor, string action, string subject, string detail)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(detail);
        if ((ActorProblem("id", actor.Id) ?? ActorProblem("name", actor.Name)) is { } actorProblem)
        {
            return actorProblem;
        }

        if (string.IsNullOrWhiteSpace(action) || action.Any(c => c is not (>= 'a' and <= 'z') and not '-'))
        {
            return "the audit action must be lower-case letters and '-' (see AuditActions)";
        }

        if (Identifier.Problem(subject) is { } subjectProblem)
        {
            return $"the audit subject {subjectProblem}";
        }

        return detail.Length > MaxDetailLength || detail.Any(char.IsControl)
            ? $"the audit detail must be at most {MaxDetailLength} characters without control characters"
            : null;
    }

    private static string? ActorProblem(string part, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (Identifier.Problem(value) is { } problem)
        {
            return $"the audit actor's {part} {problem}";
        }

        return value.Contains('@', StringComparison.Ordinal)
            ? $"the audit actor's {part} is not an email address (audit rows hold no email addresses)"
            : null;
    }
}
