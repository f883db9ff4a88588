using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Host.Executors;
using Microsoft.Azure.WebJobs.Host.Timers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PulsePipeline.LocalHost.Http;
using PulsePipeline.Models.Detection;
using PulsePipeline.Pipeline;
using PulsePipeline.Pipeline.Access;
using PulsePipeline.Pipeline.Detection;
using PulsePipeline.Pipeline.Queues;
using PulsePipeline.Pipeline.Survey;
using PulsePipeline.Workspace;

namespace PulsePipeline.LocalHost;

/// <summary>
/// `pulse host`: the pipeline's steps under the WebJobs SDK (the trigger engine inside the Functions host:
/// queue polling, dequeue counts, -poison queues, timer schedules with blob leases) and its HTTP routes on
/// Kestrel, against Azurite. Same steps, same settings as the Functions app. Every response carries the survey's
/// security headers, Kestrel's own rejections and unmatched paths (a 404 page) included.
/// </summary>
internal static class LocalPipelineHost
{
    /// <summary>The local host's port when PULSE_HTTP_PORT is not set (the port `func start` uses too).</summary>
    public const int DefaultPort = 7071;

    /// <summary>The port ./pulse chose for this checkout (PULSE_HTTP_PORT), so survey links and the listener agree.</summary>
    public static string LocalUrl() =>
        "http://127.0.0.1:" + (Environment.GetEnvironmentVariable("PULSE_HTTP_PORT") is { Length: > 0 } port ? port : $"{DefaultPort}");

    /// <param name="settings">local.settings.json values, overridden by the environment, overridden by test settings.</param>
    /// <param name="url">Where Kestrel listens, e.g. http://127.0.0.1:7071.</param>
    /// <param name="logLevel">Minimum level of the console log.</param>
    /// <param name="logging">More logging set-up after ours (tests add a provider that captures every line).</param>
    /// <param name="triggers">The WebJobs functions to run; default <see cref="TriggerTypes.All"/>. Tests of the HTTP routes pass none.</param>
    /// <param name="services">More service set-up after the pipeline's (the bench counts accepted emails by decorating the mail sender).</param>
    /// <param name="shiftModelDirectory">Where the shipped shift model is; default beside this assembly (<see cref="ShiftModelFiles.DefaultDirectory"/>).</param>
    /// <exception cref="ShiftModelRejectedException">The shift model is missing or made for other data: the host does not start.</exception>
    public static WebApplication Create(SettingsLayers settings, string url, LogLevel logLevel = LogLevel.Information, Action<ILoggingBuilder>? logging = null, IReadOnlyList<Type>? triggers = null, Action<IServiceCollection>? services = null, string? shiftModelDirectory = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        settings.ApplyTo(builder.Configuration);
        builder.WebHost.UseUrls(url);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.ConfigureEndpointDefaults(listen => listen.UseSurveyHeadersEverywhere());
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(logLevel);
        // The WebJobs host logs every function start and end at Information; keep ours, not that noise.
        builder.Logging.AddFilter("Host", LogLevel.Warning);
        builder.Logging.AddFilter("Function", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("Azure", LogLevel.Error); // 409s of CreateIfNotExists are not news
        // Survey links carry personal tokens: ASP.NET Core's request logging ("Request starting GET /survey/…")
        // and routing's debug lines must never be written, whatever level the rest of "Microsoft" is set to.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Routing", LogLevel.None);
        builder.Logging.AddFilter("Microsoft.AspNetCore.HttpLogging", LogLevel.None);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Server.Kestrel", LogLevel.Warning);
        logging?.Invoke(builder.Logging);

        builder.Host.ConfigureWebJobs(webJobs =>
        {
            webJobs.AddAzureStorageCoreServices();
            webJobs.AddAzureStorageQueues(queues =>
            {
                queues.BatchSize = 16;
                queues.NewBatchThreshold = 8;
                queues.MaxDequeueCount = PoisonMessages.MaxDeliveries;
                queues.MaxPollingInterval = TimeSpan.FromSeconds(2);
                queues.VisibilityTimeout = TimeSpan.FromSeconds(5);
            });
            webJobs.AddTimers();
        });
        builder.Services.AddSingleton<StopOnTriggerFailure>();
        builder.Services.AddSingleton<IWebJobsExceptionHandlerFactory>(sp => sp.GetRequiredService<StopOnTriggerFailure>());
        builder.Services.AddSingleton<IWebJobsExceptionHandler>(sp => sp.GetRequiredService<StopOnTriggerFailure>());
        builder.Services.AddPulsePipeline(builder.Configuration).AddShippedShiftModel(shiftModelDirectory);
        builder.Services.AddPulseWorkspace(builder.Configuration, WorkspaceHost.Local);
        builder.Services.AddSingleton<INameResolver, QueueNameResolver>();
        builder.Services.AddSingleton<IHostIdProvider, LocalHostId>();
        builder.Services.AddHostedService<PoisonWatch>();
        builder.Services.AddSingleton<ITypeLocator>(new TriggerTypes(triggers ?? TriggerTypes.All));
        services?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseSurveyHeadersEverywhere();
        // Under a host this app does not serve, the health check too answers with the unknown-host page (400).
        app.MapGet("/healthz", context => context.RequestServices.GetRequiredService<ServedHosts>().Serves(context.Request)
                ? context.Response.WriteAsync("ok")
                : context.RequestServices.GetRequiredService<SurveyEndpoint>().NotFoundAsync(context))
            .WithMetadata(LocalOnlyRoute.Instance);
        app.MapSurvey();
        app.MapWorkspace();
        app.MapFallback("{**path}", context => context.RequestServices.GetRequiredService<SurveyEndpoint>().NotFoundAsync(context))
            .WithMetadata(LocalOnlyRoute.Instance);
        return app;
    }
}
