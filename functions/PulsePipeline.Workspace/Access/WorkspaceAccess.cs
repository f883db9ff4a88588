namespace PulsePipeline.Workspace.Access;

/// <summary>What a route requires of the person asking.</summary>
public enum WorkspaceAccess
{
    /// <summary>Anyone who may reach the workspace at all (the development sign-in form).</summary>
    Public,

    /// <summary>Signed in with <see cref="WorkspaceRoles.Reader"/> or <see cref="WorkspaceRoles.Editor"/>.</summary>
    Reader,

    /// <summary>Signed in with <see cref="WorkspaceRoles.Editor"/>: every write of workspace data.</summary>
    Editor,
}
