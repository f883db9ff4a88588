using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using PulsePipeline.Workspace;

namespace PulsePipeline.Functions.Triggers;

/// <summary>
/// The IPIM workspace (GET/HEAD/POST /ipim/{*path}). Anonymous at the Functions level on purpose: App Service
/// Authentication stands in front, and the handler trusts its principal only while the platform says it is on.
/// </summary>
public sealed class WorkspaceFunction(WorkspaceEndpoint endpoint)
{
    [Function(WorkspaceRouting.FunctionName)]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "post", Route = "ipim/{*path}")] HttpRequest req,
        string? path)
    {
        await endpoint.HandleAsync(req.HttpContext, path);
        // Already written: an empty result tells the worker the response is handled.
        return Results.Empty;
    }
}
