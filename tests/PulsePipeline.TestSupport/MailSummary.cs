namespace PulsePipeline.TestSupport;

/// <summary>One message as smtp4dev's list (/api/messages) describes it.</summary>
public sealed record MailSummary(string Id, string From, IReadOnlyList<string> To, string Subject, DateTimeOffset ReceivedDate);
