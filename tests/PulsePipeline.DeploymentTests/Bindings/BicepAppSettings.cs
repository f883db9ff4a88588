using System.Text.Json.Nodes;

namespace PulsePipeline.DeploymentTests.Bindings;

/// <summary>
/// The Functions app's settings as the compiled template writes them: the host and PULSE_* groups main.bicep
/// passes to infra/app/app-settings.bicep. Values are ARM expressions or literals, as text.
/// </summary>
internal static class BicepAppSettings
{
    public static IReadOnlyDictionary<string, string> From(JsonNode template)
    {
        var parameters = JsonTree.Descendants(template).OfType<JsonObject>()
            .Single(o => o["hostSettings"]?["value"] is JsonObject && o["pulseSettings"]?["value"] is JsonObject);
        return new[] { "hostSettings", "pulseSettings" }
            .SelectMany(group => parameters[group]!["value"]!.AsObject())
            .ToDictionary(p => p.Key, p => p.Value?.ToString() ?? "", StringComparer.Ordinal);
    }
}
