namespace PulsePipeline.Models.Email;

/// <summary>An email's subject and its plain-text and HTML bodies.</summary>
public sealed record EmailContent(string Subject, string Text, string Html);
