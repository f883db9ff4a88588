using PulsePipeline.Workspace.Access;

namespace PulsePipeline.Workspace;

/// <summary>
/// Every route of the workspace with its methods and the access it requires. The handler dispatches on this table
/// and nothing else, and the access tests enumerate it, so a route cannot be added without its access being tested.
/// Reads answer GET and HEAD; writes answer POST only and need an antiforgery token. Anything else under /ipim is a
/// 404 page, shown (like every page) only to someone with a workspace role.
/// </summary>
public static class WorkspaceRoutes
{
    public const string Root = "/ipim";

    private static readonly string[] Read = ["GET", "HEAD"];
    private static readonly string[] Write = ["POST"];

    public static IReadOnlyList<WorkspaceRoute> All { get; } =
    [
        new("", WorkspacePage.Overview, Read, WorkspaceAccess.Reader),
        new("heatmap", WorkspacePage.Heatmap, Read, WorkspaceAccess.Reader),
        new("unit", WorkspacePage.Unit, Read, WorkspaceAccess.Reader),
        new("search", WorkspacePage.Search, Read, WorkspaceAccess.Reader),
        new("interventions", WorkspacePage.Interventions, Read, WorkspaceAccess.Reader),
        new("catalogue", WorkspacePage.Catalogue, Read, WorkspaceAccess.Reader),
        new("effects", WorkspacePage.Effects, Read, WorkspaceAccess.Reader),
        new("report", WorkspacePage.Report, Read, WorkspaceAccess.Reader),
        new("plans", WorkspacePage.Plans, Read, WorkspaceAccess.Reader),
        // Editors only, the forms included: a reader has nothing to fill in.
        new("interventions/new", WorkspacePage.InterventionNew, [.. Read, .. Write], WorkspaceAccess.Editor),
        new("interventions/edit", WorkspacePage.InterventionEdit, [.. Read, .. Write], WorkspaceAccess.Editor),
        new("interventions/end", WorkspacePage.InterventionEnd, Write, WorkspaceAccess.Editor),
        new("plans/new", WorkspacePage.PlanNew, [.. Read, .. Write], WorkspaceAccess.Editor),
        new("plans/draw", WorkspacePage.PlanDraw, Write, WorkspaceAccess.Editor),
        new("plans/withdraw", WorkspacePage.PlanWithdraw, Write, WorkspaceAccess.Editor),
        new("audit", WorkspacePage.Audit, Read, WorkspaceAccess.Editor),
        // The development sign-in: the form is public (who would sign in otherwise); signing out needs no role.
        new("signin", WorkspacePage.SignIn, [.. Read, .. Write], WorkspaceAccess.Public),
        new("signout", WorkspacePage.SignOut, Write, WorkspaceAccess.Public),
    ];

    /// <summary>The route at <paramref name="path"/> (the part after /ipim/, without a trailing slash), or null.</summary>
    public static WorkspaceRoute? Find(string? path)
    {
        var key = (path ?? "").Trim('/');
        return All.FirstOrDefault(r => string.Equals(r.Path, key, StringComparison.Ordinal));
    }

    public static WorkspaceRoute For(WorkspacePage page) => All.First(r => r.Page == page);
}
