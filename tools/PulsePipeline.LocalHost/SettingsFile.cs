using System.Text.Json;

namespace PulsePipeline.LocalHost;

/// <summary>
/// Reads the "Values" of a local.settings.json, the same file `func start` uses, so both local hosts share one
/// configuration. The file is found through PULSE_SETTINGS_FILE (set by ./pulse) or in the working directory.
/// </summary>
internal static class SettingsFile
{
    public const string PathVariable = "PULSE_SETTINGS_FILE";

    public static IReadOnlyDictionary<string, string?> Load()
    {
        var path = Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } p ? p : Path.Combine(Environment.CurrentDirectory, "local.settings.json");
        if (!File.Exists(path))
        {
            return new Dictionary<string, string?>();
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (!document.RootElement.TryGetProperty("Values", out var values) || values.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidOperationException($"{path} has no \"Values\" object; start from local.settings.sample.json.");
        }

        return values.EnumerateObject().ToDictionary(v => v.Name, v => v.Value.ValueKind == JsonValueKind.String ? v.Value.GetString() : v.Value.GetRawText());
    }
}
