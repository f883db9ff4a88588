using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace PulsePipeline.Workspace;

/// <summary>Maps the workspace on an ASP.NET Core host (`pulse host`); the Functions app maps it with its HTTP trigger.</summary>
public static class WorkspaceRouting
{
    /// <summary>The Functions app's name for the workspace's HTTP trigger; the local route carries it as its endpoint name.</summary>
    public const string FunctionName = "Workspace";

    /// <summary>
    /// Every method on /ipim and anything below it goes to the one handler, so unknown paths and methods get its pages
    /// and headers. The catch-all also matches /ipim itself, like the trigger's `ipim/{*path}`.
    /// </summary>
    public static IEndpointConventionBuilder MapWorkspace(this IEndpointRouteBuilder endpoints) =>
        endpoints.Map(WorkspaceRoutes.Root + "/{**path}", context =>
            context.RequestServices.GetRequiredService<WorkspaceEndpoint>().HandleAsync(context, context.GetRouteValue("path") as string ?? ""))
        .WithName(FunctionName);
}
