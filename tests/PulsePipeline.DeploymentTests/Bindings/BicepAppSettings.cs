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
        var parameters = Descendants(template).OfType<JsonObject>()
            .Single(o => o["hostSettings"]?["value"] is JsonObject && o["pulseSettings"]?["value"] is JsonObject);
        return new[] { "hostSettings", "pulseSettings" }
            .SelectMany(group => parameters[group]!["value"]!.AsObject())
            .ToDictionary(p => p.Key, p => p.Value?.ToString() ?? "", StringComparer.Ordinal);
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode? node)
    {
        if (node is null)
        {
            yield break;
        }

        yield return node;
        var children = node switch
        {
            JsonObject obj => obj.Select(p => p.Value),
            JsonArray array => array.AsEnumerable(),
            _ => [],
        };
        foreach (var descendant in children.SelectMany(Descendants))
        {
            yield return descendant;
        }
    }
}
