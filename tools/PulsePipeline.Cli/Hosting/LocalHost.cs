using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PulsePipeline.Pipeline;

namespace PulsePipeline.Cli.Hosting;

/// <summary>
/// `pulse host`: the pipeline's steps under the WebJobs SDK (the trigger engine inside the Functions host:
/// queue polling, dequeue counts, -poison queues, timer schedules with blob leases) and its HTTP routes on
/// Kestrel, against Azurite. Same steps, same settings as the Functions app.
/// </summary>
internal static class LocalHost
{
    /// <param name="settings">local.settings.json values, overridden by the environment, overridden by test settings.</param>
    /// <param name="url">Where Kestrel listens, e.g. http://127.0.0.1:7071.</param>
    /// <param name="logLevel">Minimum level of the console log.</param>
    public static WebApplication Create(SettingsLayers settings, string url, LogLevel logLevel = LogLevel.Information)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        settings.ApplyTo(builder.Configuration);
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(logLevel);
        // The WebJobs host logs every function start and end at Information; keep ours, not that noise.
        builder.Logging.AddFilter("Host", LogLevel.Warning);
        builder.Logging.AddFilter("Function", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("Azure", LogLevel.Error); // 409s of CreateIfNotExists are not news

        builder.Host.ConfigureWebJobs(webJobs =>
        {
            webJobs.AddAzureStorageCoreServices();
            webJobs.AddAzureStorageQueues(queues =>
            {
                queues.BatchSize = 16;
                queues.NewBatchThreshold = 8;
                queues.MaxDequeueCount = 5;
                queues.MaxPollingInterval = TimeSpan.FromSeconds(2);
                queues.VisibilityTimeout = TimeSpan.FromSeconds(5);
            });
            webJobs.AddTimers();
        });
        builder.Services.AddPulsePipeline(builder.Configuration);
        builder.Services.AddSingleton<INameResolver, QueueNameResolver>();
        builder.Services.AddSingleton<ITypeLocator, TriggerTypes>();

        var app = builder.Build();
        app.MapGet("/healthz", () => "ok");
        return app;
    }
}
