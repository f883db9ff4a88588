using System.Reflection;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using PulsePipeline.Pipeline.Configuration;
using PulsePipeline.Pipeline.Storage;

namespace PulsePipeline.LocalHost;

/// <summary>
/// Resolves %queue:name% in trigger attributes to the prefixed queue name, so the local host can run against a
/// storage prefix. Every other %setting% comes from configuration as in the Functions host, falling back to the
/// option's default, so a local.settings.json written before a setting existed still starts the host.
/// </summary>
internal sealed class QueueNameResolver(IConfiguration configuration, IOptions<PulseOptions> options) : INameResolver
{
    private const string QueuePrefix = "queue:";

    public string? Resolve(string name) =>
        name.StartsWith(QueuePrefix, StringComparison.Ordinal)
            ? new StorageNames(options.Value.StoragePrefix).Queue(name[QueuePrefix.Length..])
            : configuration[name] ?? OptionValue(name);

    private string? OptionValue(string key) =>
        typeof(PulseOptions).GetProperties()
            .FirstOrDefault(p => p.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name == key)?
            .GetValue(options.Value)?.ToString();
}
