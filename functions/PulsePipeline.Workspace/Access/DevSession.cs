namespace PulsePipeline.Workspace.Access;

/// <summary>A development sign-in session as its cookie holds it: who, the session's random id, and when the cookie expires.</summary>
public sealed record DevSession(WorkspacePrincipal Principal, string Id, DateTimeOffset Expires);
