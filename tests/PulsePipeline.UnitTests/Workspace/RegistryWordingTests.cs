using PulsePipeline.Models.Effects;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Workspace.Access;

namespace PulsePipeline.UnitTests.Workspace;

public sealed class RegistryWordingTests
{
    public static TheoryData<InconclusiveReason> Reasons() => [.. Enum.GetValues<InconclusiveReason>().Where(r => r != InconclusiveReason.None)];

    [Theory]
    [MemberData(nameof(Reasons))]
    public void EveryInconclusiveReason_IsWordedInBothLanguages_WithNoFigureButItsStoredCount(InconclusiveReason reason)
    {
        var counted = new EffectShortfall(MoreWaves: 4, PreWaves: 4, ComparisonUnits: 4, ComparisonWindows: 4, Units: 4);
        foreach (var language in new[] { Language.Nl, Language.En })
        {
            foreach (var phrase in new[] { EffectReasonTexts.Why(reason, counted, language), EffectReasonTexts.ConclusiveWhen(reason, counted, language) })
            {
                Assert.False(string.IsNullOrWhiteSpace(phrase.ToString()), reason.ToString());
                Assert.DoesNotContain(phrase.Before + phrase.After, char.IsDigit);
                Assert.Equal(phrase.Count is null, phrase.CountOf is null);
            }
        }

        Assert.NotEqual(EffectReasonTexts.Why(reason, counted, Language.Nl).ToString(), EffectReasonTexts.Why(reason, counted, Language.En).ToString());
        Assert.NotEqual(EffectReasonTexts.Why(reason, counted, Language.En).ToString(), EffectReasonTexts.Why(InconclusiveReason.None, counted, Language.En).ToString());
    }

    [Theory]
    [InlineData(InconclusiveReason.TooFewPreWaves)]
    [InlineData(InconclusiveReason.TooFewComparisons)]
    [InlineData(InconclusiveReason.TooFewUnits)]
    [InlineData(InconclusiveReason.TooWide)]
    [InlineData(InconclusiveReason.NoPostWave)]
    public void AReasonWithACount_SaysTheCount_AndWithoutOne_StillReads(InconclusiveReason reason)
    {
        var counted = new EffectShortfall(MoreWaves: 6, PreWaves: 6, ComparisonUnits: 6, ComparisonWindows: 6, Units: 6);
        var text = $"{EffectReasonTexts.Why(reason, counted, Language.En)} {EffectReasonTexts.ConclusiveWhen(reason, counted, Language.En)}";
        var bare = $"{EffectReasonTexts.Why(reason, EffectShortfall.None, Language.Nl)} {EffectReasonTexts.ConclusiveWhen(reason, EffectShortfall.None, Language.Nl)}";

        Assert.Contains("6", text, StringComparison.Ordinal);
        Assert.DoesNotContain(bare, char.IsDigit);
        Assert.DoesNotMatch(@"[:,] *$|er $", bare);
    }

    [Theory]
    [InlineData("Eva Editor", "Eva Editor")]
    [InlineData("eva.editor@ministerie.example", "oid-1234")]
    [InlineData("", "oid-1234")]
    [InlineData("cli:demo", "oid-1234")]
    public void AuditName_IsTheDisplayName_NeverAnEmailAddress_NorACommandLineName(string name, string expected)
    {
        var principal = WorkspacePrincipal.Create("oid-1234", name, [WorkspaceRoles.Editor]);

        Assert.Equal(expected, principal.AuditName);
        Assert.DoesNotContain('@', principal.AuditName);
        Assert.Equal(new Models.Audit.AuditActor("oid-1234", expected), principal.Actor);
    }

    [Fact]
    public void Counts_GroupThousandsPerLanguage() =>
        Assert.Equal(("1.234", "1,234"), (Numbers.Count(1234, Language.Nl), Numbers.Count(1234, Language.En)));
}
