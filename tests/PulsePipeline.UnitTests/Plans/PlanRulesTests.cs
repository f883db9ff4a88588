using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Plans;

namespace PulsePipeline.UnitTests.Plans;

/// <summary>What a plan may be at registration, and the cohorts' start waves from the schedule.</summary>
public sealed class PlanRulesTests
{
    private static readonly RolloutPlan Valid = new(
        "pl-0123456789ab",
        "moral-deliberation",
        [.. Enumerable.Range(1, 8).Select(i => new PlanCandidate($"Min BZK/DG {i}", ""))],
        null,
        ["2027-03-01", "2027-04-01"],
        PlanStrata.None,
        ["pressure"],
        "Team integriteit",
        "dev:editor",
        "editor",
        new DateOnly(2027, 2, 20));

    [Fact]
    public void AValidPlan_HasNoProblems()
    {
        Assert.Empty(PlanRules.Check(Valid));
    }

    [Fact]
    public void EveryProblem_IsReported_InBothLanguages()
    {
        var bad = Valid with
        {
            Type = "yoga",
            Eligible = [new("a", ""), new("a", ""), new(" b", "")],
            StartWaves = ["2027-04-01", "2027-03-01"],
            Strata = "region",
            Constructs = [],
            Owner = "someone@example.org",
        };

        var problems = PlanRules.Check(bad);

        Assert.Equal(
            [PlanFields.Type, PlanFields.Units, PlanFields.Units, PlanFields.Units, PlanFields.FirstStartWave, PlanFields.Strata, PlanFields.Constructs, PlanFields.Owner],
            problems.Select(p => p.Field));
        Assert.All(problems, p => Assert.NotEqual(p.Text(Language.En), p.Text(Language.Nl)));
    }

    [Fact]
    public void OneCohort_OrMoreCohortsThanUnits_IsRefused()
    {
        Assert.Contains(PlanRules.Check(Valid with { StartWaves = ["2027-03-01"] }), p => p.Field == PlanFields.Cohorts);
        Assert.Contains(PlanRules.Check(Valid with { StartWaves = [.. Enumerable.Range(1, 9).Select(m => $"2027-{m:D2}-01")] }), p => p.Field == PlanFields.Cohorts);
    }

    [Fact]
    public void AWithdrawalReason_IsOneLine_OfSomeText()
    {
        Assert.Null(PlanRules.ReasonProblem("the unit was merged into another"));
        Assert.NotNull(PlanRules.ReasonProblem("  "));
        Assert.NotNull(PlanRules.ReasonProblem("two\nlines"));
        Assert.NotNull(PlanRules.ReasonProblem(new string('x', PlanRules.MaxReasonLength + 1)));
    }

    [Fact]
    public void Cohorts_StartOnTheSchedulesNextWaves()
    {
        // Monthly on the first at 06:00 UTC, as PULSE_WAVE_SCHEDULE might be.
        Assert.Equal(["2027-03-01", "2027-04-01", "2027-05-01"], PlanSchedule.StartWaves("0 0 6 1 * *", "2027-03-01", 3));
        Assert.Null(PlanSchedule.StartWaves("0 0 6 1 * *", "2027-03-02", 3));
        Assert.Null(PlanSchedule.StartWaves("0 0 6 1 * *", "2027-03", 3));
        Assert.Null(PlanSchedule.StartWaves("not a schedule", "2027-03-01", 3));
    }
}
