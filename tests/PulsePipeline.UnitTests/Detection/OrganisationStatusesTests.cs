using PulsePipeline.Models.Detection;

namespace PulsePipeline.UnitTests.Detection;

public sealed class OrganisationStatusesTests
{
    [Theory]
    [InlineData(true, true, OrganisationStatuses.Adverse)]
    [InlineData(true, false, OrganisationStatuses.Significant)]
    [InlineData(false, false, OrganisationStatuses.None)]
    [InlineData(false, true, OrganisationStatuses.None)] // an insignificant change is no change, whichever way it leans
    public void TheStoredStatus_SaysWhetherTheChangeIsSignificantAndAdverse(bool significant, bool adverse, string status)
    {
        var change = new OrganisationChange("2027-03", 40, 0.2, 0.05, -0.1, 0.05, significant) { Adverse = adverse };

        Assert.Equal(status, OrganisationStatuses.Of(change));
    }
}
