using System.Text;
using PulsePipeline.Models.Tokens;

namespace PulsePipeline.UnitTests.Tokens;

public sealed class SurveyTokensTests
{
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("unit-test-secret-that-is-long-enough-0123456789");

    [Fact]
    public void SameWaveAndEmployee_GiveTheSameToken()
    {
        Assert.Equal(SurveyTokens.Derive(Secret, "2027-03", "e000001"), SurveyTokens.Derive(Secret, "2027-03", "e000001"));
    }

    [Fact]
    public void Tokens_AreUrlSafe_AndCarryAtLeast128Bits()
    {
        var token = SurveyTokens.Derive(Secret, "2027-03", "e000001");

        Assert.Equal(SurveyTokens.Length, token.Length);
        Assert.True(SurveyTokens.IsWellFormed(token));
        Assert.True(token.Length * 6 >= 128 + 6, "43 base64url characters carry 256 bits");
    }

    [Fact]
    public void AnotherWaveOrEmployee_GivesAnUnrelatedToken()
    {
        var a = SurveyTokens.Derive(Secret, "2027-03", "e000001");
        var otherWave = SurveyTokens.Derive(Secret, "2027-04", "e000001");
        var otherEmployee = SurveyTokens.Derive(Secret, "2027-03", "e000002");

        Assert.NotEqual(a, otherWave);
        Assert.NotEqual(a, otherEmployee);
        // Unrelated: about half of the 256 bits differ, not a few.
        Assert.InRange(BitDistance(a, otherWave), 80, 176);
        Assert.InRange(BitDistance(a, otherEmployee), 80, 176);
    }

    [Fact]
    public void WithoutTheSecret_TheTokenCannotBeRecomputed()
    {
        var real = SurveyTokens.Derive(Secret, "2027-03", "e000001");
        var guessedSecret = Encoding.UTF8.GetBytes("unit-test-secret-that-is-long-enough-0123456788");

        Assert.NotEqual(real, SurveyTokens.Derive(guessedSecret, "2027-03", "e000001"));
        Assert.NotEqual(real, SurveyTokens.Derive([], "2027-03", "e000001"));
    }

    [Fact]
    public void StoredHash_DoesNotContainTheToken_AndIsStable()
    {
        var token = SurveyTokens.Derive(Secret, "2027-03", "e000001");
        var hash = SurveyTokens.Hash(token);

        Assert.Equal(64, hash.Length);
        Assert.Equal(hash, SurveyTokens.Hash(token));
        Assert.DoesNotContain(token, hash, StringComparison.Ordinal);
        Assert.Equal(hash[..2], TokenPartition.Of(hash));
    }

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("../../../../etc/passwd/aaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA%")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAé")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void MalformedTokens_AreRecognisedBeforeAnyLookup(string candidate)
    {
        Assert.False(SurveyTokens.IsWellFormed(candidate));
    }

    [Fact]
    public void AWaveIdWithTheSeparator_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => SurveyTokens.Derive(Secret, "2027|03", "e1"));
    }

    [Fact]
    public void EmployeeIdsHoldingTheSeparator_GiveDistinctTokens()
    {
        // "wave|employee" splits at the first '|' (wave ids have none), so HR ids with '|' cannot collide.
        string[] employees = ["a|b", "a", "a|", "|a|b", "a||b", "BZK/DGOO|Team Ä.1"];

        var tokens = employees.Select(e => SurveyTokens.Derive(Secret, "2027-03", e)).ToList();

        Assert.Equal(employees.Length, tokens.Distinct(StringComparer.Ordinal).Count());
        Assert.Throws<ArgumentException>(() => SurveyTokens.Derive(Secret, "2027-03|a", "b"));
    }

    [Fact]
    public void FixedTimeEquals_ComparesExactly()
    {
        var token = SurveyTokens.Derive(Secret, "w", "e");
        Assert.True(SurveyTokens.FixedTimeEquals(token, token));
        Assert.False(SurveyTokens.FixedTimeEquals(token, SurveyTokens.Derive(Secret, "w", "f")));
    }

    private static int BitDistance(string a, string b)
    {
        var x = System.Buffers.Text.Base64Url.DecodeFromChars(a);
        var y = System.Buffers.Text.Base64Url.DecodeFromChars(b);
        return x.Zip(y, (p, q) => System.Numerics.BitOperations.PopCount((uint)(p ^ q))).Sum();
    }
}
