using PulsePipeline.Models.Plans;
using PulsePipeline.Workspace.Pages;
using PulsePipeline.Workspace.Plans;

namespace PulsePipeline.UnitTests.Workspace;

/// <summary>The plan form's fields become the registry's request: units by code or name, one pace, the constructs.</summary>
public sealed class PlanFormValuesTests
{
    private static readonly FormChoices Choices = new(
        [new("min/a", "Team Noord", []), new("min/b", "Team Zuid", []), new("min/c", "Team Zuid", ["Directie"])], [], []);

    [Fact]
    public void UnitsByCodeOrByAUniqueName_OnePerLine_BecomeTheirCodes_AndUnknownOnesStayAsTyped()
    {
        var values = Values(units: "min/b\r\n  Team Noord \n\nnowhere", capacity: "2");

        var (request, problems) = values.ToRequest(Choices);

        Assert.Empty(problems);
        Assert.Equal(["min/b", "min/a", "nowhere"], request!.Units);
        Assert.Equal((2, (int?)null), (request.Capacity, request.Cohorts));
        Assert.Equal(["pressure", "speakup"], request.Constructs);
    }

    [Fact]
    public void ANameTwoUnitsHave_IsAProblemOfTheUnitsField()
    {
        var (request, problems) = Values(units: "Team Zuid", cohorts: "3").ToRequest(Choices);

        Assert.Null(request);
        var problem = Assert.Single(problems);
        Assert.Equal(PlanFields.Units, problem.Field);
        Assert.Contains("Team Zuid", problem.English, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("2", "3")]
    [InlineData("twee", "")]
    [InlineData("", "-3")]
    public void ThePace_IsExactlyOneWholeNumber(string capacity, string cohorts)
    {
        var (request, problems) = Values(units: "min/a", capacity: capacity, cohorts: cohorts).ToRequest(Choices);

        Assert.Null(request);
        Assert.Equal(PlanRules.CapacityOrCohorts, Assert.Single(problems));
    }

    [Fact]
    public void OneConstruct_IsAskedAsItself()
    {
        var (request, _) = Values(units: "min/a", cohorts: "2", constructs: "speakup").ToRequest(Choices);

        Assert.Equal(["speakup"], request!.Constructs);
        Assert.Equal(2, request.Cohorts);
    }

    [Fact]
    public void TheForm_ReadsItsFields_AndABlankFormListsTheDefaultUnits()
    {
        var form = new Dictionary<string, string> { [PlanFields.Type] = " coaching ", [PlanFields.Units] = "a\r\nb\r\n", [PlanFields.Cohorts] = "2", [PlanFields.Owner] = "Els" };

        var values = PlanFormValues.From(form);

        Assert.Equal(new PlanFormValues("coaching", "a\nb", "", "2", "", "", "", "Els"), values);
        Assert.Equal("x\ny", PlanFormValues.Blank(["x", "y"], "Els").Units);
    }

    private static PlanFormValues Values(string units, string capacity = "", string cohorts = "", string constructs = PlanFormValues.BothConstructs) =>
        new("coaching", units, capacity, cohorts, "2027-02-01", PlanStrata.None, constructs, "Els");
}
