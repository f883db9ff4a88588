using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PulsePipeline.DeploymentTests.Bindings;

/// <summary>
/// The functions.metadata the Worker SDK writes into the Functions app's build output: what the Functions host
/// indexes and binds in Azure, before any of the app's code runs. Its path is written into this assembly at build
/// time (the project references the Functions app, so it is built first).
/// </summary>
internal static partial class FunctionsMetadata
{
    public static string Path { get; } = typeof(FunctionsMetadata).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "FunctionsMetadataPath").Value!;

    public static JsonArray Read() =>
        File.Exists(Path)
            ? JsonNode.Parse(File.ReadAllText(Path))!.AsArray()
            : throw new FileNotFoundException($"No functions.metadata at {Path}: build functions/PulsePipeline.Functions first.", Path);

    /// <summary>
    /// One binding per function, from its trigger. <paramref name="resolve"/> turns a %setting% into its value as the
    /// Functions host would (queue names may be settings; schedules are compared as written).
    /// </summary>
    public static IReadOnlyList<FunctionBinding> Bindings(JsonArray functions, Func<string, string?> resolve) =>
        [.. functions.Select(f => Binding(f!.AsObject(), resolve))];

    /// <summary>Every %name% in the file's string values: each must be an app setting in Azure.</summary>
    public static IReadOnlySet<string> SettingReferences(JsonArray functions) =>
        Setting().Matches(functions.ToJsonString()).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);

    private static FunctionBinding Binding(JsonObject function, Func<string, string?> resolve)
    {
        var name = function["name"]!.GetValue<string>();
        var triggers = function["bindings"]!.AsArray().Select(b => b!.AsObject())
            .Where(b => b["direction"]?.GetValue<string>() == "In" && b["type"]!.GetValue<string>().EndsWith("Trigger", StringComparison.OrdinalIgnoreCase))
            .ToList();
        var trigger = triggers.Count == 1 ? triggers[0] : throw new InvalidDataException($"{name} has {triggers.Count} trigger bindings in functions.metadata.");
        var type = trigger["type"]!.GetValue<string>();
        return type.ToUpperInvariant() switch
        {
            "QUEUETRIGGER" => new FunctionBinding(name, FunctionBinding.QueueKind, Queue: ResolveWhole(trigger["queueName"]!.GetValue<string>(), resolve)),
            "TIMERTRIGGER" => new FunctionBinding(name, FunctionBinding.TimerKind, Schedule: trigger["schedule"]!.GetValue<string>(), RunOnStartup: trigger["runOnStartup"]?.GetValue<bool>() ?? false),
            "HTTPTRIGGER" => new FunctionBinding(
                name,
                FunctionBinding.HttpKind,
                Route: trigger["route"]?.GetValue<string>() ?? name,
                Methods: trigger["methods"] is JsonArray methods ? methods.Select(m => m!.GetValue<string>().ToLowerInvariant()).ToHashSet(StringComparer.Ordinal) : null),
            _ => new FunctionBinding(name, type),
        };
    }

    /// <summary>%name% anywhere in the value replaced by its setting, as the WebJobs name resolver does.</summary>
    private static string? ResolveWhole(string value, Func<string, string?> resolve)
    {
        string? missing = null;
        var resolved = Setting().Replace(value, m => resolve(m.Groups["name"].Value) ?? (missing = m.Value));
        return missing is null ? resolved : null;
    }

    [GeneratedRegex("%(?<name>[A-Za-z0-9_:.]+)%")]
    private static partial Regex Setting();
}
