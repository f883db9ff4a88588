using PulsePipeline.TestSupport;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PulsePipeline.DeploymentTests;

/// <summary>The README's prerequisites name the SDK that global.json requires, so nobody installs one that cannot build.</summary>
public sealed partial class PrerequisitesTests
{
    [Fact]
    public void EveryPrerequisiteList_NamesTheSdkGlobalJsonRequires()
    {
        var sdk = JsonNode.Parse(RepositoryRoot.ReadAllText("global.json"))!["sdk"]!;
        var version = sdk["version"]!.GetValue<string>();
        var band = version[..version.LastIndexOf('.')] + "." + version[version.LastIndexOf('.') + 1] + "xx";
        var mentions = SdkMention().Matches(RepositoryRoot.ReadAllText("README.md")).Select(m => m.Value).ToList();

        Assert.Equal("latestPatch", sdk["rollForward"]!.GetValue<string>()); // so "or later in the band" is what it accepts
        Assert.Equal(2, mentions.Count); // running locally, and deploying
        Assert.All(mentions, m => Assert.Contains($".NET SDK {version} or later in the {band} band", m, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"\.NET SDK [^\n]*")]
    private static partial Regex SdkMention();
}
