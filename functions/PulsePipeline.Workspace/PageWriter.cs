using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using PulsePipeline.Workspace.Pages;
using PulsePipeline.Workspace.Rendering;

namespace PulsePipeline.Workspace;

/// <summary>Renders a page component, or a problem page, as the answer to a workspace request.</summary>
public static class PageWriter
{
    public static Task ProblemAsync(HttpContext context, PageContext page, WorkspaceProblem problem) =>
        RenderAsync<ProblemPage>(context, problem.Status(), page, new() { ["Problem"] = problem });

    public static async Task RenderAsync<TPage>(HttpContext context, int status, PageContext page, Dictionary<string, object?> parameters)
        where TPage : IComponent
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameters);
        parameters["Context"] = page;
        await WorkspaceResponder.HtmlAsync(context, status, await PageRenderer.RenderAsync<TPage>(parameters));
    }
}
