using System.Text.RegularExpressions;
using PulsePipeline.TestSupport;

namespace PulsePipeline.DeploymentTests.Architecture;

/// <summary>
/// The stored verdict and status words are written in one place each: an effect's verdict in EffectWords (contract)
/// and EffectReasonTexts (readers' words), the organisation's change in OrganisationStatuses, a unit flag's status as
/// UnitFlagStatus's names. Anywhere else in the product or the laboratory they are referred to, never spelled out.
/// </summary>
public sealed partial class WordsInOnePlaceTests
{
    private static readonly Dictionary<string, string[]> Homes = new(StringComparer.Ordinal)
    {
        ["improved"] = ["EffectWords.cs", "EffectReasonTexts.cs"],
        ["worsened"] = ["EffectWords.cs", "EffectReasonTexts.cs"],
        ["no-clear-change"] = ["EffectWords.cs"],
        ["inconclusive"] = ["EffectWords.cs", "EffectReasonTexts.cs"],
        ["adverse"] = ["OrganisationStatuses.cs"],
        ["significant"] = ["OrganisationStatuses.cs"],
        ["Scored"] = [],
        ["Suppressed"] = [],
        ["NotEnoughHistory"] = [],
    };

    [Fact]
    public void VerdictAndStatusWords_AreSpelledOutOnlyInTheirHome()
    {
        var strays = new List<string>();
        foreach (var file in Sources())
        {
            foreach (Match literal in StringLiteral().Matches(DomainPurity.WithoutComments(File.ReadAllText(file))))
            {
                var word = literal.Groups["text"].Value;
                if (Homes.TryGetValue(word, out var homes) && !homes.Contains(Path.GetFileName(file)))
                {
                    strays.Add($"{Path.GetRelativePath(RepositoryRoot.Path, file)}: \"{word}\"");
                }
            }
        }

        Assert.True(strays.Count == 0, "Refer to EffectWords, EffectReasonTexts, OrganisationStatuses or UnitFlagStatus instead:\n" + string.Join('\n', strays));
    }

    /// <summary>The scan can fail: it finds each word as a C# literal, and the homes do hold their words.</summary>
    [Fact]
    public void TheScan_FindsTheWords()
    {
        Assert.Equal("inconclusive", StringLiteral().Match("x = row.Verdict is \"inconclusive\";").Groups["text"].Value);
        Assert.DoesNotMatch(StringLiteral(), DomainPurity.WithoutComments("/// a unit \"worsened\" by the shift"));
        var homes = Sources().Where(f => Path.GetFileName(f) is "EffectWords.cs" or "OrganisationStatuses.cs").ToList();
        var found = homes.SelectMany(f => StringLiteral().Matches(File.ReadAllText(f)).Select(m => m.Groups["text"].Value)).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(2, homes.Count);
        Assert.Superset(new HashSet<string>(["improved", "worsened", "no-clear-change", "inconclusive", "adverse", "significant"], StringComparer.Ordinal), found);
    }

    private static IEnumerable<string> Sources() =>
        new[] { "models", "functions", "tools" }
            .SelectMany(d => Directory.EnumerateFiles(RepositoryRoot.File(d), "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal));

    [GeneratedRegex(@"(?<![\w@$])""(?<text>[A-Za-z-]+)""")]
    private static partial Regex StringLiteral();
}
