using PulsePipeline.Models.Identifiers;
using PulsePipeline.Pipeline.Storage;

namespace PulsePipeline.UnitTests.Identifiers;

public sealed class IdentifierRulesTests
{
    public static TheoryData<string> HrIds =>
    [
        "BZK/DGOO/Directie Arbeidszaken/Team Ä.1",
        "afd12",
        "100% #1 ? \\share\\team",
        "Ministerie van Financiën",
        "=cmd|' /C calc'!A0",
        "a%2Fb",
        "日本語チーム",
        new string('x', Identifier.MaxLength),
    ];

    [Theory]
    [MemberData(nameof(HrIds))]
    public void HrIds_AreValid_AndTheirTableKeys_DecodeToTheSameId_WithoutForbiddenCharacters(string id)
    {
        Assert.True(Identifier.IsValid(id), Identifier.Problem(id));

        var key = TableKeys.Encode(id);

        Assert.Equal(id, TableKeys.Decode(key));
        Assert.Equal(-1, key.AsSpan().IndexOfAny("/\\#?"));
        Assert.DoesNotContain(key, char.IsControl);
    }

    [Fact]
    public void IdsWithoutSpecialCharacters_KeepTheirKey()
    {
        Assert.Equal("afd12", TableKeys.Encode("afd12"));
        Assert.Equal("Team Ä.1", TableKeys.Encode("Team Ä.1"));
    }

    [Fact]
    public void DistinctIds_HaveDistinctKeys()
    {
        string[] ids = ["a/b", "a%2Fb", "a%252Fb", "a\\b", "a%5Cb"];

        Assert.Equal(ids.Length, ids.Select(TableKeys.Encode).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("a\0b", "control character")]
    [InlineData("a\nb", "control character")]
    [InlineData("a\tb", "control character")]
    [InlineData("a\u0085b", "control character")]
    [InlineData(" a", "space")]
    [InlineData("a ", "space")]
    public void ControlCharacters_EmptyIds_AndEdgeSpaces_AreRefused_WithTheReason(string id, string reason)
    {
        Assert.False(Identifier.IsValid(id));
        Assert.Contains(reason, Identifier.Problem(id), StringComparison.Ordinal);
    }

    [Fact]
    public void ALoneSurrogate_IsRefused()
    {
        Assert.Contains("invalid character", Identifier.Problem("a\ud800b"), StringComparison.Ordinal);
    }

    [Fact]
    public void AnIdLongerThanTheLimit_IsRefused()
    {
        Assert.Contains("longer than 128", Identifier.Problem(new string('x', 129)), StringComparison.Ordinal);
    }

    [Fact]
    public void AKeyNotWrittenByEncode_IsAFormatError()
    {
        Assert.Throws<FormatException>(() => TableKeys.Decode("a%2"));
        Assert.Throws<FormatException>(() => TableKeys.Decode("a%zz"));
    }
}
