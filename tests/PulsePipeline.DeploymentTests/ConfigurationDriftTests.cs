using PulsePipeline.DeploymentTests.Configuration;

namespace PulsePipeline.DeploymentTests;

/// <summary>
/// The options classes, local.settings.sample.json, the configuration table (docs/CONFIGURATION.md) and the Bicep app
/// settings name the same keys. Adding an option and forgetting one of them fails here.
/// </summary>
[Collection(CompiledTemplateGroup.Name)]
public sealed class ConfigurationDriftTests(CompiledTemplate template)
{
    public static TheoryData<string> Places => [.. ConfigurationPlaces.All];

    [Fact]
    public void PipelineOptions_AreNamedAlikeInEveryPlace()
    {
        var mismatches = ConfigurationDrift.Compare(ConfigurationPlaces.FromRepository(template).Sources());

        Assert.True(mismatches.Count == 0, "Configuration drift:\n" + string.Join('\n', mismatches));
    }

    [Fact]
    public void OptionKeys_AreFoundByReflection()
    {
        var keys = ConfigurationPlaces.FromRepository(template).OptionKeys;

        Assert.Contains("PULSE_K", keys);
        Assert.All(keys, k => Assert.StartsWith("PULSE_", k, StringComparison.Ordinal));
    }

    /// <summary>The check can fail: removing any one key from any one place is reported, naming both.</summary>
    [Theory]
    [MemberData(nameof(Places))]
    public void KeyRemovedFromOnePlace_IsReported(string place)
    {
        var places = ConfigurationPlaces.FromRepository(template);
        var before = ConfigurationDrift.Compare(places.Sources());
        var missed = new List<string>();

        foreach (var key in places.OptionKeys.Order(StringComparer.Ordinal))
        {
            var after = ConfigurationDrift.Compare(places.Without(place, key).Sources());
            var added = after.Except(before).ToList();
            if (added.Count != 1 || !added[0].StartsWith($"{place} lacks {key} ", StringComparison.Ordinal))
            {
                missed.Add($"{key}: {(added.Count == 0 ? "not reported" : string.Join(" | ", added))}");
            }
        }

        Assert.NotEmpty(places.OptionKeys);
        Assert.True(missed.Count == 0, $"Removals from {place} the check did not report exactly:\n" + string.Join('\n', missed));
    }
}
