using System.Buffers.Text;
using System.Text;
using PulsePipeline.Models.Tokens;

namespace PulsePipeline.UnitTests.Tokens;

/// <summary>
/// Survey tokens look like 256 random bits to anyone without the secret: no collisions, every bit set half the
/// time, and nothing of a used token carries over to the next employee or the next wave. Storage only ever sees the
/// SHA-256 of a token, and the survey finds a token by that hash as a table key; no token is compared as a string.
/// </summary>
public sealed class TokenEntropyTests
{
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("entropy-test-secret-that-is-long-enough-0123456789");

    [Fact]
    public void TwentyThousandTokens_HaveNoCollision_AndEveryBitIsSetHalfTheTime()
    {
        var tokens = Enumerable.Range(0, 10_000).SelectMany(i => new[] { SurveyTokens.Derive(Secret, "2027-03", $"e{i:D6}"), SurveyTokens.Derive(Secret, "2027-04", $"e{i:D6}") }).ToList();

        Assert.Equal(tokens.Count, tokens.Distinct(StringComparer.Ordinal).Count());
        var ones = new int[256];
        foreach (var bytes in tokens.Select(t => Base64Url.DecodeFromChars(t)))
        {
            Assert.Equal(32, bytes.Length);
            for (var bit = 0; bit < 256; bit++)
            {
                ones[bit] += (bytes[bit / 8] >> (bit % 8)) & 1;
            }
        }

        // 20,000 fair coin flips: mean 10,000, SD about 71; ±500 is seven SDs.
        Assert.All(ones, count => Assert.InRange(count, 9_500, 10_500));
    }

    [Fact]
    public void NeighbouringEmployeesAndWaves_ShareNothingWithAUsedToken()
    {
        var used = Base64Url.DecodeFromChars(SurveyTokens.Derive(Secret, "2027-03", "e000500"));
        string[] neighbours = ["e000499", "e000501", "e000500 ", "E000500", "e0005000"];
        var related = neighbours.Select(e => SurveyTokens.Derive(Secret, "2027-03", e))
            .Append(SurveyTokens.Derive(Secret, "2027-04", "e000500"))
            .Append(SurveyTokens.Derive(Secret, "2027-3", "e000500"));

        foreach (var token in related.Select(t => Base64Url.DecodeFromChars(t)))
        {
            var distance = used.Zip(token, (a, b) => System.Numerics.BitOperations.PopCount((uint)(a ^ b))).Sum();
            Assert.InRange(distance, 80, 176); // about half of 256: unrelated
        }
    }

    [Fact]
    public void TheStoredHash_IsTheOnlyLookupKey_AndSpreadsOverAllPartitions()
    {
        var partitions = Enumerable.Range(0, 5_000).Select(i => TokenPartition.Of(SurveyTokens.Hash(SurveyTokens.Derive(Secret, "2027-03", $"e{i:D6}")))).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(256, partitions.Count);
    }
}
