using PulsePipeline.Workspace.Access;

namespace PulsePipeline.Workspace;

/// <summary>One workspace route: its path under /ipim ("" is /ipim itself), the methods it answers and what it requires.</summary>
public sealed record WorkspaceRoute(string Path, WorkspacePage Page, IReadOnlyList<string> Methods, WorkspaceAccess Access)
{
    /// <summary>The route's URL path, e.g. /ipim/heatmap.</summary>
    public string Url => Path.Length == 0 ? WorkspaceRoutes.Root : $"{WorkspaceRoutes.Root}/{Path}";

    public bool Answers(string method) => Methods.Contains(method, StringComparer.OrdinalIgnoreCase);

    /// <summary>True for routes that change something (POST): each needs a valid antiforgery token.</summary>
    public bool IsWrite => Methods.Contains("POST", StringComparer.OrdinalIgnoreCase);
}
