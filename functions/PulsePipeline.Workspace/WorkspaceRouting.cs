using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace PulsePipeline.Workspace;

/// <summary>Maps the workspace on an ASP.NET Core host (`pulse host`); the Functions app maps it with its HTTP trigger.</summary>
public static class WorkspaceRouting
{
    /// <summary>Every method on /ipim and anything below it goes to the one handler, so unknown paths and methods get its pages and headers.</summary>
    public static IEndpointRouteBuilder MapWorkspace(this IEndpointRouteBuilder endpoints)
    {
        endpoints.Map(WorkspaceRoutes.Root, context => Handle(context, ""));
        endpoints.Map(WorkspaceRoutes.Root + "/{**path}", context => Handle(context, context.GetRouteValue("path") as string));
        return endpoints;
    }

    private static Task Handle(HttpContext context, string? path) =>
        context.RequestServices.GetRequiredService<WorkspaceEndpoint>().HandleAsync(context, path);
}
