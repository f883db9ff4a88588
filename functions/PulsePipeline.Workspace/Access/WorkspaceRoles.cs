namespace PulsePipeline.Workspace.Access;

/// <summary>The Entra ID app roles of the workspace (docs/WORKSPACE.md): readers see everything, editors also write.</summary>
public static class WorkspaceRoles
{
    public const string Reader = "IPIM.Reader";
    public const string Editor = "IPIM.Editor";

    public static IReadOnlyList<string> All { get; } = [Reader, Editor];
}
