using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PulsePipeline.Pipeline.Configuration;

namespace PulsePipeline.Pipeline;

/// <summary>Everything both hosts need: validated options, storage clients, the mailer and the steps.</summary>
public static class PipelineServiceCollectionExtensions
{
    public static IServiceCollection AddPulsePipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PulseOptions>()
            .Bind(configuration)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<PulseOptions>, PulseOptionsValidator>();
        return services;
    }
}
