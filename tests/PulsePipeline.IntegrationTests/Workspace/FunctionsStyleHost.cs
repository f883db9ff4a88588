using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.Pipeline;
using PulsePipeline.Pipeline.Survey;
using PulsePipeline.Workspace;

namespace PulsePipeline.IntegrationTests.Workspace;

/// <summary>
/// The workspace and the survey registered as the Functions app registers them (AddPulsePipeline, then
/// AddPulseWorkspace with <see cref="WorkspaceHost.Functions"/>) and called as their HTTP triggers call them, on
/// Kestrel, since the Functions host cannot run here. WEBSITE_AUTH_ENABLED plays the platform's part; the app's base
/// URL is the URL it listens on, as PULSE_SURVEY_BASE_URL is the app's address in Azure.
/// </summary>
internal static class FunctionsStyleHost
{
    /// <param name="settings">More settings over the pipeline's (WEBSITE_HOSTNAME, …).</param>
    /// <param name="logging">Where the host's log goes besides nowhere (tests that assert what was logged).</param>
    public static async Task<WebApplication> StartAsync(TestPipeline pipeline, string url, bool platformAuthentication, bool devSignIn = false, IReadOnlyDictionary<string, string?>? settings = null, ILoggerProvider? logging = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(pipeline.Settings.Overrides);
        builder.Configuration["PULSE_SURVEY_BASE_URL"] = url;
        builder.Configuration["WEBSITE_AUTH_ENABLED"] = platformAuthentication ? "True" : "False";
        builder.Configuration["PULSE_DEV_SIGNIN"] = devSignIn ? "true" : "false";
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        if (logging is not null)
        {
            builder.Logging.AddProvider(logging);
        }

        builder.Services.AddPulsePipeline(builder.Configuration).AddPulseWorkspace(builder.Configuration, WorkspaceHost.Functions);
        var app = builder.Build();
        app.Map("/ipim/{**path}", context => context.RequestServices.GetRequiredService<WorkspaceEndpoint>().HandleAsync(context, context.GetRouteValue("path") as string));
        app.Map("/ipim", context => context.RequestServices.GetRequiredService<WorkspaceEndpoint>().HandleAsync(context, null));
        app.Map("/survey/{token}", context => context.RequestServices.GetRequiredService<SurveyEndpoint>().HandleAsync(context, context.GetRouteValue("token") as string));
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }
}
