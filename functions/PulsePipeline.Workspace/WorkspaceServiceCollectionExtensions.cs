using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PulsePipeline.Pipeline.Configuration;
using PulsePipeline.Workspace.Access;
using PulsePipeline.Workspace.Pages;
using PulsePipeline.Workspace.Reading;

namespace PulsePipeline.Workspace;

/// <summary>The workspace's services, registered the same way by both hosts after AddPulsePipeline.</summary>
public static class WorkspaceServiceCollectionExtensions
{
    public static IServiceCollection AddPulseWorkspace(this IServiceCollection services, IConfiguration configuration, WorkspaceHost host)
    {
        services.AddSingleton<WorkspaceKeys>();
        services.AddSingleton<PublishedReadModel>();
        services.AddSingleton<FindingsReader>();
        services.AddSingleton<PageModels>();
        services.AddSingleton<RegistryReadModel>();
        services.AddSingleton<RegistryPageModels>();
        services.AddSingleton<Plans.PlanPageModels>();
        services.AddSingleton<Plans.PlanEndpoint>();
        services.AddSingleton<RegistryEndpoint>();
        services.AddSingleton<Reports.ReportBuilder>();
        services.AddSingleton<IWorkspaceAudit, WorkspaceAudit>();
        services.AddSingleton(sp => new WorkspaceAuthentication(
            host,
            sp.GetRequiredService<IOptions<PulseOptions>>(),
            configuration,
            sp.GetRequiredService<WorkspaceKeys>(),
            sp.GetRequiredService<Pipeline.Access.SignOuts>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<DevSignInEndpoint>();
        services.AddSingleton<WorkspaceEndpoint>();
        if (host == WorkspaceHost.Functions)
        {
            services.AddSingleton<IValidateOptions<PulseOptions>, FunctionsSignInRule>();
        }

        return services;
    }
}
