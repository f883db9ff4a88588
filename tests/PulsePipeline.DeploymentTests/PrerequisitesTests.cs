using PulsePipeline.TestSupport;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PulsePipeline.DeploymentTests;

/// <summary>
/// The prerequisites name the SDK that global.json requires, so nobody installs one that cannot build: the README's
/// (running locally) and docs/OPERATIONS.md's (deploying, where azd builds the Functions project).
/// </summary>
public sealed partial class PrerequisitesTests
{
    [Theory]
    [InlineData("README.md")]
    [InlineData("docs/OPERATIONS.md")]
    public void EveryPrerequisiteList_NamesTheSdkGlobalJsonRequires(string document)
    {
        var sdk = JsonNode.Parse(RepositoryRoot.ReadAllText("global.json"))!["sdk"]!;
        var version = sdk["version"]!.GetValue<string>();
        var band = version[..version.LastIndexOf('.')] + "." + version[version.LastIndexOf('.') + 1] + "xx";
        var mentions = SdkMention().Matches(RepositoryRoot.ReadAllText(document.Split('/'))).Select(m => m.Value).ToList();

        Assert.Equal("latestPatch", sdk["rollForward"]!.GetValue<string>()); // so "or later in the band" is what it accepts
        Assert.Single(mentions);
        Assert.Contains($".NET SDK {version} or later in the {band} band", mentions[0], StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\.NET SDK [^\n]*")]
    private static partial Regex SdkMention();
}
