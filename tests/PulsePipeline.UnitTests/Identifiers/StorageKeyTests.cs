using PulsePipeline.Models.Identifiers;
using PulsePipeline.Models.Tokens;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;

namespace PulsePipeline.UnitTests.Identifiers;

public sealed class StorageKeyTests
{
    [Theory]
    [InlineData("|")]
    [InlineData("}")]
    [InlineData("a}b|c")]
    [InlineData("~~~")]
    [InlineData("\uFFFD")]
    [InlineData("BZK/DGOO/Directie Arbeidszaken/Team Ä.1")]
    public void EveryUnitsTallyPartition_IsInsideTheRangeQueryOfTheWavesTallies_WhateverTheIdHolds(string unit)
    {
        var (from, to) = TallyEntity.Partitions;
        var partition = TallyEntity.Partition(unit);

        Assert.True(string.CompareOrdinal(from, partition) < 0, partition);
        Assert.True(string.CompareOrdinal(partition, to) < 0, partition);
    }

    [Fact]
    public void TokenPartitions_AreOutsideTheTallyRange()
    {
        var (from, _) = TallyEntity.Partitions;

        Assert.All(new[] { "00", "9f", "ff" }, p => Assert.True(string.CompareOrdinal(p, from) < 0));
        Assert.Equal("ab", TokenPartition.Of("ab" + new string('0', 62)));
    }

    [Fact]
    public void ReservedRows_CannotBeTheKeyOfAnyId()
    {
        string[] ids = ["%organisation", "%digest", "_organisation", "%25organisation"];

        Assert.All(ids, id => Assert.NotEqual(FlagEntity.OrganisationRow, TableKeys.Encode(id)));
        Assert.All(ids, id => Assert.NotEqual(AlertEntity.DigestRow, TableKeys.Encode(id)));
        Assert.Throws<FormatException>(() => TableKeys.Decode(FlagEntity.OrganisationRow));
        Assert.Throws<FormatException>(() => TableKeys.Decode(AlertEntity.DigestRow));
    }

    [Theory]
    [InlineData("")]
    [InlineData("t0123456789abcdef")]
    public void WaveTableNames_AreValidTableNames_AndDistinctForWavesThatDifferOnlyInCaseOrPunctuation(string prefix)
    {
        var names = new StorageNames(prefix);
        string[] waves = ["2027-03", "2027.03", "202703", "2027_03", "A", "a", new string('Z', 32), new string('z', 32)];

        var tables = waves.Select(names.WaveTable).ToList();

        Assert.All(tables, t => Assert.Matches("^[A-Za-z][A-Za-z0-9]{2,62}$", t));
        Assert.All(tables, t => Assert.StartsWith(prefix + "wave", t, StringComparison.Ordinal));
        Assert.Equal(waves.Length, tables.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.DoesNotContain(names.Waves, tables, StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain(names.WaveUnits, tables, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(names.WaveTable("2027-03"), new StorageNames(prefix).WaveTable("2027-03"));
    }

    [Fact]
    public void AnIdOfTheMaximumLength_StaysFarBelowTheKeyLimit()
    {
        // Table keys hold at most 1 KiB; the worst id (every character escaped as %uXXXX would need a control
        // character, which ids refuse) is 128 characters of '/' or '%': three characters each.
        var worst = TableKeys.Encode(new string('/', Identifier.MaxLength));

        Assert.True(worst.Length * 2 <= 1024, $"{worst.Length} characters");
        Assert.True(TallyEntity.Partition(new string('%', Identifier.MaxLength)).Length * 2 <= 1024);
    }
}
