namespace PulsePipeline.Workspace.Access;

/// <summary>The outcome of reading a request's sign-in: refused outright, or a principal (null when signed out).</summary>
public sealed record SignInState(WorkspaceHost Host, SignInRefusal? Refusal, WorkspacePrincipal? Principal)
{
    /// <summary>The id antiforgery tokens are bound to: the principal's, or empty before signing in.</summary>
    public string UserId => Principal?.Id ?? "";
}
