namespace PulsePipeline.Models.Messages;

/// <summary>One addressee of an invitation batch. The token is not carried: the sender derives it from the secret.</summary>
public sealed record Invitee(string EmployeeId, string Email, string Language);
