namespace PulsePipeline.Models.Audit;

/// <summary>Audit rows newest first, at most the number asked for; <paramref name="Truncated"/> when older ones in the range were left out.</summary>
public sealed record AuditListing(IReadOnlyList<AuditEntry> Entries, bool Truncated);
