using PulsePipeline.Models.Effects;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Workspace.Access;

namespace PulsePipeline.UnitTests.Workspace;

public sealed class RegistryWordingTests
{
    public static TheoryData<string> Reasons() =>
        [.. Enum.GetNames<InconclusiveReason>().Where(r => r != nameof(InconclusiveReason.None)).Append(EffectReasonTexts.TooFewUnits)];

    [Theory]
    [MemberData(nameof(Reasons))]
    public void EveryInconclusiveReason_IsWordedInBothLanguages_WithoutFigures(string reason)
    {
        foreach (var text in new[] { EffectReasonTexts.Why(reason, Language.Nl), EffectReasonTexts.ConclusiveWhen(reason, Language.Nl), EffectReasonTexts.Why(reason, Language.En), EffectReasonTexts.ConclusiveWhen(reason, Language.En) })
        {
            Assert.False(string.IsNullOrWhiteSpace(text), reason);
            Assert.DoesNotContain(text, char.IsDigit);
        }

        Assert.NotEqual(EffectReasonTexts.Why(reason, Language.Nl), EffectReasonTexts.Why(reason, Language.En));
        Assert.NotEqual(EffectReasonTexts.Why(reason, Language.En), EffectReasonTexts.Why("Unknown", Language.En));
    }

    [Theory]
    [InlineData("Eva Editor", "Eva Editor")]
    [InlineData("eva.editor@ministerie.example", "oid-1234")]
    [InlineData("", "oid-1234")]
    public void AuditName_IsTheDisplayName_NeverAnEmailAddress(string name, string expected)
    {
        var principal = WorkspacePrincipal.Create("oid-1234", name, [WorkspaceRoles.Editor]);

        Assert.Equal(expected, principal.AuditName);
        Assert.DoesNotContain('@', principal.AuditName);
    }

    [Fact]
    public void Counts_GroupThousandsPerLanguage() =>
        Assert.Equal(("1.234", "1,234"), (Numbers.Count(1234, Language.Nl), Numbers.Count(1234, Language.En)));
}
