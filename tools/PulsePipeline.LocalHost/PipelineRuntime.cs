using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PulsePipeline.Pipeline;
using PulsePipeline.Pipeline.Detection;

namespace PulsePipeline.LocalHost;

/// <summary>
/// The pipeline's services without triggers or HTTP, for one-shot commands (roster import, opening a wave).
/// Starting it validates the settings and creates the storage, exactly as a host would.
/// </summary>
internal static class PipelineRuntime
{
    public static async Task<IHost> StartAsync(SettingsLayers settings, CancellationToken cancellationToken, Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        settings.ApplyTo(builder.Configuration);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddPulsePipeline(builder.Configuration);
        // Loaded only if a command detects: a roster import need not pay for the model.
        builder.Services.AddSingleton(_ => ShiftModelFiles.Load(ShiftModelFiles.DefaultDirectory));
        configure?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return host;
    }

    public static T Get<T>(this IHost host)
        where T : notnull => host.Services.GetRequiredService<T>();
}
