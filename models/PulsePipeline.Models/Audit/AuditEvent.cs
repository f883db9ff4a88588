namespace PulsePipeline.Models.Audit;

/// <summary>One thing to record for an actor: an action (<see cref="AuditActions"/>), its subject and a detail (may be empty).</summary>
public sealed record AuditEvent(string Action, string Subject, string Detail = "");
