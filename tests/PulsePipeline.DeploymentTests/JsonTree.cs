using System.Text.Json.Nodes;

namespace PulsePipeline.DeploymentTests;

/// <summary>Walks a compiled ARM template: every node below a root, the root first.</summary>
internal static class JsonTree
{
    public static IEnumerable<JsonNode> Descendants(JsonNode? node)
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
