using PulsePipeline.Models.Detection.Findings;

namespace PulsePipeline.UnitTests.Detection;

/// <summary>
/// When a flagged child explains its parent's flag: the parent's change without the child's share is within the rest's
/// own noise; then the parent is named with the child's finding, not as a finding of its own.
/// </summary>
public sealed class FlagFindingsTests
{
    // A directorate of 100 with one department of 40 that rose by 1.0: the directorate moves by 0.4 through it alone.
    private static readonly FlagPoint Department = new("afd10", "dir10", true, 40, 1.0, 0.3, -0.05, 0.3);

    [Fact]
    public void AParentMovedOnlyByItsFlaggedChild_IsGroupedWithTheChild()
    {
        var directorate = new FlagPoint("dir10", "root", true, 100, 0.42, 0.18, -0.02, 0.18);

        var findings = FlagFindings.Group([Root(), directorate, Department]);

        var finding = Assert.Single(findings);
        Assert.Equal("afd10", finding.Unit);
        Assert.Equal(["dir10"], finding.Explains);
    }

    [Fact]
    public void AParentWhoseRestAlsoMoved_IsAFindingOfItsOwn()
    {
        // 0.42 + 0.6 × 0.6: the other 60 respondents rose by 0.6 too, well beyond their margin of 0.18/√0.6 ≈ 0.23.
        var directorate = new FlagPoint("dir10", "root", true, 100, 0.78, 0.18, -0.02, 0.18);

        var findings = FlagFindings.Group([Root(), directorate, Department]);

        Assert.Equal(["dir10", "afd10"], findings.Select(f => f.Unit));
        Assert.All(findings, f => Assert.Empty(f.Explains));
    }

    [Fact]
    public void TheRestIsJudgedOnBothConstructs()
    {
        // Pressure is the department's, but speak-up fell in the rest of the directorate.
        var directorate = new FlagPoint("dir10", "root", true, 100, 0.42, 0.18, -0.45, 0.18);

        Assert.False(FlagFindings.Explains(directorate, [Department]));
    }

    [Fact]
    public void AChainOfExplainedParents_JoinsTheDeepestFinding_NearestFirst()
    {
        var directorate = new FlagPoint("dir10", "dg1", true, 100, 0.42, 0.18, -0.02, 0.18);
        var general = new FlagPoint("dg1", "root", true, 200, 0.22, 0.12, 0.0, 0.12);

        var findings = FlagFindings.Group([Root(), general, directorate, Department]);

        Assert.Equal(["dir10", "dg1"], Assert.Single(findings).Explains);
    }

    [Fact]
    public void MissingFigures_KeepAFlagOnItsOwn()
    {
        var directorate = new FlagPoint("dir10", "root", true, null, 0.42, 0.18, -0.02, 0.18);

        Assert.False(FlagFindings.Explains(directorate, [Department]));
        Assert.False(FlagFindings.Explains(directorate with { N = 100 }, []));
        Assert.True(FlagFindings.Explains(directorate with { N = 40 }, [Department]), "a parent with no respondents outside its flagged child has nothing else to explain");
    }

    [Fact]
    public void UnflaggedUnitsBetween_DoNotStopTheRule()
    {
        var directorate = new FlagPoint("dir10", "root", true, 100, 0.42, 0.18, -0.02, 0.18);
        var team = Department with { Parent = "bureau" };
        var bureau = new FlagPoint("bureau", "dir10", false, 50, 0.5, 0.3, 0, 0.3);

        Assert.Equal(["dir10"], Assert.Single(FlagFindings.Group([Root(), directorate, bureau, team])).Explains);
    }

    [Fact]
    public void ARunOfFlags_StartsAtTheFirstWaveFlaggedWithoutAGap()
    {
        Assert.Equal("2027-07", FlagRuns.Since([("2027-09", true), ("2027-08", true), ("2027-07", true), ("2027-06", false), ("2027-05", true)]));
        Assert.Equal("2027-09", FlagRuns.Since([("2027-09", true), ("2027-08", null), ("2027-07", true)]));
        Assert.Null(FlagRuns.Since([("2027-09", false), ("2027-08", true)]));
    }

    [Fact]
    public async Task SinceAsync_AsksOnlyForUnitsStillInARun()
    {
        var flagged = new Dictionary<(string, string), bool> { [("w2", "a")] = true, [("w1", "a")] = true, [("w2", "b")] = false, [("w1", "b")] = true };
        var asked = new List<(string, string)>();

        var since = await FlagRuns.SinceAsync(["w1", "w2", "w3"], ["a", "b"], (wave, unit) =>
        {
            asked.Add((wave, unit));
            return Task.FromResult<bool?>(flagged.TryGetValue((wave, unit), out var f) ? f : null);
        });

        Assert.Equal("w1", since["a"]);
        Assert.Equal("w3", since["b"]);
        Assert.DoesNotContain(("w1", "b"), asked);
    }

    private static FlagPoint Root() => new("root", "", false, 1000, 0.0, 0.06, 0.0, 0.06);
}
