using PulsePipeline.Models.Email;

namespace PulsePipeline.Pipeline.Email;

/// <summary>One email to one recipient.</summary>
public sealed record OutgoingEmail(string To, EmailContent Content);
