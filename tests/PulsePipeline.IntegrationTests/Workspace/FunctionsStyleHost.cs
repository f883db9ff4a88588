using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.Pipeline;
using PulsePipeline.Workspace;

namespace PulsePipeline.IntegrationTests.Workspace;

/// <summary>
/// The workspace registered as the Functions app registers it (AddPulsePipeline, then AddPulseWorkspace with
/// <see cref="WorkspaceHost.Functions"/>) and called as its HTTP trigger calls it, on Kestrel, since the Functions
/// host cannot run here. WEBSITE_AUTH_ENABLED plays the platform's part.
/// </summary>
internal static class FunctionsStyleHost
{
    public static async Task<WebApplication> StartAsync(TestPipeline pipeline, string url, bool platformAuthentication, bool devSignIn = false)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(pipeline.Settings.Overrides);
        builder.Configuration["WEBSITE_AUTH_ENABLED"] = platformAuthentication ? "True" : "False";
        builder.Configuration["PULSE_DEV_SIGNIN"] = devSignIn ? "true" : "false";
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        builder.Services.AddPulsePipeline(builder.Configuration).AddPulseWorkspace(builder.Configuration, WorkspaceHost.Functions);
        var app = builder.Build();
        app.Map("/ipim/{**path}", context => context.RequestServices.GetRequiredService<WorkspaceEndpoint>().HandleAsync(context, context.GetRouteValue("path") as string));
        app.Map("/ipim", context => context.RequestServices.GetRequiredService<WorkspaceEndpoint>().HandleAsync(context, null));
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
