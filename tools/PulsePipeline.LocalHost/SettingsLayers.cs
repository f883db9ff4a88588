using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;

namespace PulsePipeline.LocalHost;

/// <summary>
/// The settings of a local run in order of precedence: overrides (tests) over environment variables (./pulse
/// points them at the local services) over local.settings.json.
/// </summary>
internal sealed record SettingsLayers(IReadOnlyDictionary<string, string?> Baseline, IReadOnlyDictionary<string, string?> Overrides)
{
    public static SettingsLayers FromSettingsFile() => new(SettingsFile.Load(), new Dictionary<string, string?>());

    /// <summary>Adds the layers around the environment variables a host builder already has.</summary>
    public void ApplyTo(IConfigurationManager configuration)
    {
        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Baseline });
        configuration.AddInMemoryCollection(Overrides);
    }
}
