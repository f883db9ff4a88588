using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PulsePipeline.Pipeline;
using PulsePipeline.Pipeline.Configuration;
using PulsePipeline.Workspace;

namespace PulsePipeline.Functions;

/// <summary>
/// The Functions app's own service registration, everything Program.cs adds to the worker's defaults: Application
/// Insights, the pipeline (steps, storage, mail, start-up checks), the shipped shift model (checked now: a missing or
/// mismatched model stops the app before it starts), the IPIM workspace, and the settings only this host refuses. One
/// method, so the integration tests build exactly the app's registration and call its triggers on it.
/// </summary>
public static class FunctionsServiceCollectionExtensions
{
    public static IServiceCollection AddPulseFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        services
            .AddApplicationInsightsTelemetryWorkerService()
            .ConfigureFunctionsApplicationInsights()
            .AddPulsePipeline(configuration)
            .AddShippedShiftModel()
            .AddPulseWorkspace(configuration, WorkspaceHost.Functions);
        services.AddSingleton<IValidateOptions<PulseOptions>, FunctionsOptionsValidator>();

        // The Application Insights SDK adds a filter that keeps only Warning and above; remove it so the host.json
        // log levels (Information for the pipeline) decide what is kept.
        services.Configure<LoggerFilterOptions>(options =>
        {
            var defaultRule = options.Rules.FirstOrDefault(rule =>
                rule.ProviderName == "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider");
            if (defaultRule is not null)
            {
                options.Rules.Remove(defaultRule);
            }
        });
        return services;
    }
}
