using PulsePipeline.Models.Audit;

namespace PulsePipeline.Workspace.Access;

/// <summary>
/// A signed-in person as the workspace sees them, whichever sign-in produced them: a stable id (the Entra object id,
/// or the development sign-in's "dev-" id locally), a display name, and their workspace roles (unknown roles are
/// dropped).
/// </summary>
public sealed record WorkspacePrincipal(string Id, string Name, IReadOnlySet<string> Roles)
{
    public bool IsReader => Roles.Contains(WorkspaceRoles.Reader) || IsEditor;

    public bool IsEditor => Roles.Contains(WorkspaceRoles.Editor);

    /// <summary>
    /// Who this is by name in the audit and as an intervention's default owner: the display name, unless it is an email
    /// address (Entra falls back to the UPN when there is no name claim), no valid id, or a name reserved for the
    /// command line ("cli:…"); then the stable id, which is none of those. Audit rows hold no email addresses.
    /// </summary>
    public string AuditName =>
        !Name.Contains('@', StringComparison.Ordinal) && Models.Identifiers.Identifier.IsValid(Name) && !AuditActors.IsReserved(Name) ? Name : Id.Replace('@', '_');

    /// <summary>This person in an audit row: the stable id beside the name.</summary>
    public AuditActor Actor => new(Id.Replace('@', '_'), AuditName);

    public bool Satisfies(WorkspaceAccess access) => access switch
    {
        WorkspaceAccess.Public => true,
        WorkspaceAccess.Reader => IsReader,
        _ => IsEditor,
    };

    public static WorkspacePrincipal Create(string id, string name, IEnumerable<string> roles) =>
        new(id, name, roles.Where(WorkspaceRoles.All.Contains).ToHashSet(StringComparer.Ordinal));
}
