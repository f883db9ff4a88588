using PulsePipeline.Models.Alerts;
using PulsePipeline.Models.Detection;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Interventions;

namespace PulsePipeline.UnitTests.Alerts;

/// <summary>The digest suggests types of the intervention catalogue, chosen by what moved.</summary>
public sealed class SuggestedInterventionsTests
{
    [Theory]
    [InlineData(0.5, 0.1, InterventionTypes.MoralDeliberation, SuggestionReason.LeadershipPressure)]
    [InlineData(0.1, 0.5, InterventionTypes.GoodConversation, SuggestionReason.ManagerPressure)]
    public void RisingPressure_PointsToItsSource(double leadership, double manager, string type, SuggestionReason because)
    {
        var suggestions = SuggestedInterventions.For(Flag(new Reason(ReasonKind.Moved, Construct.Pressure, 0.6, 0.2)), new ItemShift(manager, leadership, 0, 4.2));

        var suggestion = Assert.Single(suggestions);
        Assert.Equal(type, suggestion.Type.Id);
        Assert.Equal(because, suggestion.Because);
    }

    [Fact]
    public void FallingSpeakUpAndUnknownRoutes_GetCoachingAndTheRoutes_EachOnce()
    {
        var flag = Flag(new Reason(ReasonKind.Moved, Construct.SpeakUp, -0.5, 0.2), speakUp: -0.5);

        var suggestions = SuggestedInterventions.For(flag, new ItemShift(null, null, -0.4, 3.1));

        Assert.Equal([InterventionTypes.LeadershipCoaching, InterventionTypes.ReportingRoutes], suggestions.Select(s => s.Type.Id));
        Assert.All(suggestions, s => Assert.True(InterventionTypes.IsKnown(s.Type.Id)));
    }

    [Fact]
    public void AMoveWithinNoise_SuggestsNothing()
    {
        var suggestions = SuggestedInterventions.For(Flag(new Reason(ReasonKind.Moved, Construct.Pressure, 0.3, 0.4, WithinNoise: true)), new ItemShift(0.5, 0.5, 0, 4.0));

        Assert.Empty(suggestions);
    }

    private static UnitFlag Flag(Reason reason, double pressure = 0.6, double speakUp = 0) =>
        new("2027-05", "u", UnitFlagStatus.Scored, 40, true, 0.9, pressure, 0.2, speakUp, 0.2, [reason]);
}
