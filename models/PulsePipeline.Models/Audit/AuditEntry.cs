using PulsePipeline.Models.Identifiers;

namespace PulsePipeline.Models.Audit;

/// <summary>
/// One audit row: who (the signed-in user's name; "cli:" and a name for the command line), what
/// (<see cref="AuditActions"/>), on what (an intervention or unit id), and on which day. The day is all there is of
/// time (privacy rule 4: nothing finer than the day). Audit rows never hold answers, tokens or email addresses, and
/// never the text of notes: the detail names which fields changed.
/// </summary>
public sealed record AuditEntry(DateOnly Day, string Actor, string Action, string Subject, string Detail)
{
    public const int MaxDetailLength = 1000;

    /// <summary>Why these values cannot be an audit row, or null when they can.</summary>
    public static string? Problem(string actor, string action, string subject, string detail)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(detail);
        if (Identifier.Problem(actor) is { } actorProblem)
        {
            return $"the audit actor {actorProblem}";
        }

        if (EmailAddresses.LooksLikeOne(actor))
        {
            return "the audit actor is a user's name, not an email address (audit rows hold no email addresses)";
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
}
