using System.Text.Json.Nodes;
using PulsePipeline.Pipeline.Configuration;
using PulsePipeline.TestSupport;

namespace PulsePipeline.DeploymentTests.Configuration;

/// <summary>
/// The four places that must name the same settings, as raw inputs (so a test can alter a copy) and as
/// key sources (what the drift check compares).
/// </summary>
internal sealed record ConfigurationPlaces(
    IReadOnlySet<string> OptionKeys,
    string LocalSettingsJson,
    string ReadmeMarkdown,
    JsonNode ArmTemplate)
{
    public const string Options = "options classes (PulsePipeline.Pipeline)";
    public const string LocalSettings = "local.settings.sample.json Values";
    public const string Readme = "README.md configuration table";
    public const string Bicep = "Bicep app settings (compiled infra/main.bicep)";

    public static IReadOnlyList<string> All { get; } = [Options, LocalSettings, Readme, Bicep];

    public static ConfigurationPlaces FromRepository(CompiledTemplate template) => new(
        SettingKeys.FromOptionsClasses(typeof(PulseOptions).Assembly),
        RepositoryRoot.ReadAllText("local.settings.sample.json"),
        RepositoryRoot.ReadAllText("README.md"),
        template.Json);

    public IReadOnlyList<KeySource> Sources() =>
    [
        new(Options, OptionKeys),
        new(LocalSettings, SettingKeys.FromLocalSettings(LocalSettingsJson)),
        new(Readme, SettingKeys.FromReadme(ReadmeMarkdown)),
        new(Bicep, SettingKeys.FromArmTemplate(ArmTemplate)),
    ];

    /// <summary>A copy in which one place no longer names <paramref name="key"/>, edited as a person would edit it.</summary>
    public ConfigurationPlaces Without(string place, string key) => place switch
    {
        Options => this with { OptionKeys = OptionKeys.Where(k => k != key).ToHashSet(StringComparer.Ordinal) },
        LocalSettings => this with { LocalSettingsJson = RemoveLocalSetting(LocalSettingsJson, key) },
        Readme => this with { ReadmeMarkdown = RemoveTableRow(ReadmeMarkdown, key) },
        Bicep => this with { ArmTemplate = RemoveProperty(ArmTemplate, key) },
        _ => throw new ArgumentOutOfRangeException(nameof(place), place, "Unknown place."),
    };

    private static string RemoveLocalSetting(string json, string key)
    {
        var root = JsonNode.Parse(json)!;
        root["Values"]!.AsObject().Remove(key);
        return root.ToJsonString();
    }

    private static string RemoveTableRow(string markdown, string key)
    {
        var rows = SettingKeys.ConfigurationTableRows(markdown).Where(r => r.Key == key).Select(r => r.Line).ToHashSet();
        return string.Join('\n', markdown.Split('\n').Where(line => !rows.Contains(line)));
    }

    private static JsonNode RemoveProperty(JsonNode template, string key)
    {
        var copy = template.DeepClone();
        Remove(copy);
        return copy;

        void Remove(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    obj.Remove(key);
                    foreach (var (_, value) in obj)
                    {
                        Remove(value);
                    }

                    break;
                case JsonArray array:
                    foreach (var item in array)
                    {
                        Remove(item);
                    }

                    break;
            }
        }
    }
}
