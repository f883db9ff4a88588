using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace PulsePipeline.DeploymentTests.Configuration;

/// <summary>Reads the setting keys each place names. Every reader works on text or JSON already in memory.</summary>
internal static partial class SettingKeys
{
    /// <summary>Keys that configure the Functions host rather than the pipeline: not options, not in the Bicep as such.</summary>
    private static readonly string[] HostKeys = ["AzureWebJobsStorage", "FUNCTIONS_WORKER_RUNTIME"];

    /// <summary>
    /// Every [ConfigurationKeyName] of every class in the assembly that has at least one PULSE_ key: options
    /// added later, in <c>PulseOptions</c> or in a new class, are found without touching this test.
    /// </summary>
    public static IReadOnlySet<string> FromOptionsClasses(Assembly assembly)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in LoadableTypes(assembly))
        {
            var typeKeys = type.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                .Select(p => p.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name)
                .OfType<string>()
                .ToList();
            if (typeKeys.Any(IsPulseKey))
            {
                keys.UnionWith(typeKeys);
            }
        }

        return keys;
    }

    /// <summary>The names under "Values" of local.settings.sample.json, less the host's own.</summary>
    public static IReadOnlySet<string> FromLocalSettings(string json)
    {
        var values = JsonNode.Parse(json)?["Values"]?.AsObject()
            ?? throw new FormatException("local.settings.sample.json has no \"Values\" object.");
        return values.Select(p => p.Key).Where(k => !IsHostKey(k)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The section of docs/CONFIGURATION.md whose table lists every app setting.</summary>
    public const string TableHeading = "## App settings";

    /// <summary>The first column of the table under <see cref="TableHeading"/>, less the host's own keys.</summary>
    public static IReadOnlySet<string> FromConfigurationTable(string markdown) =>
        ConfigurationTableRows(markdown)
            .Select(row => row.Key)
            .Where(k => !IsHostKey(k))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// PULSE_ keys of the compiled template. main.bicep writes the app settings as an object literal, so
    /// their names are JSON property names (the values may be expressions); outputs are not settings.
    /// </summary>
    public static IReadOnlySet<string> FromArmTemplate(JsonNode template)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        Collect(template, keys);
        return keys;

        static void Collect(JsonNode? node, HashSet<string> keys)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (name, value) in obj)
                    {
                        if (IsPulseKey(name))
                        {
                            keys.Add(name);
                        }

                        if (name != "outputs")
                        {
                            Collect(value, keys);
                        }
                    }

                    break;
                case JsonArray array:
                    foreach (var item in array)
                    {
                        Collect(item, keys);
                    }

                    break;
            }
        }
    }

    /// <summary>Rows of the configuration table: the key of the first column and the line it is on.</summary>
    public static IEnumerable<(string Key, string Line)> ConfigurationTableRows(string markdown)
    {
        var inSection = false;
        foreach (var line in markdown.Split('\n'))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                inSection = line.TrimEnd() == TableHeading;
                continue;
            }

            var match = TableRowKey().Match(line);
            if (inSection && match.Success)
            {
                yield return (match.Groups["key"].Value, line);
            }
        }
    }

    private static bool IsPulseKey(string key) => key.StartsWith("PULSE_", StringComparison.Ordinal);

    private static bool IsHostKey(string key) =>
        HostKeys.Contains(key) || key.StartsWith("AzureWebJobsStorage__", StringComparison.Ordinal);

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.OfType<Type>();
        }
    }

    // "| `PULSE_K` | 5 | …": a key in backticks as the first cell (the header and separator rows have none).
    [GeneratedRegex(@"^\|\s*`(?<key>[A-Za-z_][A-Za-z0-9_.]*)`\s*\|")]
    private static partial Regex TableRowKey();
}
