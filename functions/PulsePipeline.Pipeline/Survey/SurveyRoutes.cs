using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace PulsePipeline.Pipeline.Survey;

/// <summary>Maps the survey on an ASP.NET Core host (the local Kestrel host); the Functions app maps it with an HTTP trigger.</summary>
public static class SurveyRoutes
{
    /// <summary>The Functions app's name for the survey's HTTP trigger; the local route carries it as its endpoint name.</summary>
    public const string FunctionName = "Survey";

    /// <summary>
    /// Every method and anything under /survey goes to <see cref="SurveyEndpoint"/>, so an unknown method or a
    /// mangled link still gets a page with the survey's headers (405, 404) instead of the framework's bare answer.
    /// </summary>
    public static IEndpointConventionBuilder MapSurvey(this IEndpointRouteBuilder endpoints) =>
        endpoints.Map("/survey/{**token}", context =>
            context.RequestServices.GetRequiredService<SurveyEndpoint>().HandleAsync(context, context.GetRouteValue("token") as string))
        .WithName(FunctionName);
}
