namespace PulsePipeline.DeploymentTests.Configuration;

/// <summary>Compares the keys of several places: every key named anywhere must be named everywhere.</summary>
internal static class ConfigurationDrift
{
    /// <summary>One line per missing key and place, e.g. "docs/CONFIGURATION.md app settings table lacks PULSE_K (named in …)".</summary>
    public static IReadOnlyList<string> Compare(IReadOnlyList<KeySource> sources)
    {
        var allKeys = sources.SelectMany(s => s.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return
        [
            .. from key in allKeys
               from source in sources
               where !source.Keys.Contains(key)
               let namedIn = sources.Where(s => s.Keys.Contains(key)).Select(s => s.Place)
               select $"{source.Place} lacks {key} (named in: {string.Join("; ", namedIn)})",
        ];
    }
}
