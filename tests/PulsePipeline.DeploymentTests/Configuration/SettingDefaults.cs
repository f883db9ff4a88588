using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using PulsePipeline.Pipeline.Configuration;

namespace PulsePipeline.DeploymentTests.Configuration;

/// <summary>
/// The default each setting has in code (a fresh <see cref="PulseOptions"/>), and where local.settings.sample.json
/// or the Bicep say otherwise. Values are compared as configuration binds them: booleans without regard to case.
/// </summary>
internal static partial class SettingDefaults
{
    /// <summary>Where the local sample differs on purpose: the local services (smtp4dev on loopback), a development secret and addresses.</summary>
    public static readonly IReadOnlySet<string> LocalValues = new HashSet<string>(StringComparer.Ordinal)
    {
        "PULSE_TOKEN_SECRET", "PULSE_IPIM_RECIPIENTS", "PULSE_SURVEY_BASE_URL", "PULSE_SENDER_ADDRESS",
        "PULSE_SMTP_HOST", "PULSE_SMTP_PORT", "PULSE_SMTP_STARTTLS",
    };

    /// <summary>Where Azure differs on purpose: Communication Services' SMTP relay.</summary>
    public static readonly IReadOnlySet<string> AzureValues = new HashSet<string>(StringComparer.Ordinal) { "PULSE_SMTP_HOST" };

    /// <summary>Every PULSE_* setting with the value a fresh <see cref="PulseOptions"/> binds it to.</summary>
    public static IReadOnlyDictionary<string, string> InCode()
    {
        var options = new PulseOptions();
        return typeof(PulseOptions).GetProperties()
            .Select(p => (Key: p.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name, Value: p.GetValue(options)))
            .Where(p => p.Key is not null)
            .ToDictionary(p => p.Key!, p => Convert.ToString(p.Value, CultureInfo.InvariantCulture) ?? "", StringComparer.Ordinal);
    }

    /// <summary>local.settings.sample.json's "Values".</summary>
    public static IReadOnlyDictionary<string, string> InSample(string json) =>
        JsonNode.Parse(json)!["Values"]!.AsObject().ToDictionary(p => p.Key, p => p.Value?.ToString() ?? "", StringComparer.Ordinal);

    /// <summary>
    /// The value each PULSE_* app setting of the compiled template gets when the deployment passes no parameter: a
    /// literal as written, a parameter's default value; settings computed otherwise (secrets, outputs) are left out.
    /// </summary>
    public static IReadOnlyDictionary<string, string> InBicep(JsonNode template)
    {
        var parameters = template["parameters"]!.AsObject();
        var settings = Bindings.BicepAppSettings.From(template).Where(s => s.Key.StartsWith("PULSE_", StringComparison.Ordinal));
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, expression) in settings)
        {
            if (!expression.StartsWith('['))
            {
                values[key] = expression;
            }
            else if (ParameterOnly().Match(expression) is { Success: true } match && parameters[match.Groups["name"].Value]?["defaultValue"] is { } value)
            {
                values[key] = value.ToString();
            }
        }

        return values;
    }

    /// <summary>Every setting whose value in <paramref name="place"/> is not its code default, but for the <paramref name="allowed"/> ones.</summary>
    public static IReadOnlyList<string> Differences(string placeName, IReadOnlyDictionary<string, string> place, IReadOnlyDictionary<string, string> code, IReadOnlySet<string> allowed) =>
        [.. place.Where(p => code.ContainsKey(p.Key) && !allowed.Contains(p.Key) && !Same(p.Value, code[p.Key]))
            .Select(p => $"{placeName} sets {p.Key} to '{p.Value}'; the code's default is '{code[p.Key]}'")];

    private static bool Same(string a, string b) =>
        bool.TryParse(a, out var x) && bool.TryParse(b, out var y) ? x == y : string.Equals(a, b, StringComparison.Ordinal);

    [GeneratedRegex(@"^\[(string\()?parameters\('(?<name>\w+)'\)\)?\]$")]
    private static partial Regex ParameterOnly();
}
