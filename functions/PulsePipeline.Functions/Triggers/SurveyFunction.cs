using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using PulsePipeline.Pipeline.Survey;

namespace PulsePipeline.Functions.Triggers;

/// <summary>
/// The survey form and its submission (GET/HEAD/POST /survey/{token}); the handler writes the whole response.
/// Links are /survey/{token}, so host.json must set extensions.http.routePrefix to "".
/// </summary>
public sealed class SurveyFunction(SurveyEndpoint endpoint)
{
    [Function(SurveyRoutes.FunctionName)]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "post", Route = "survey/{token}")] HttpRequest req,
        string token)
    {
        await endpoint.HandleAsync(req.HttpContext, token);
        // Already written: an empty result tells the worker the response is handled.
        return Results.Empty;
    }
}
