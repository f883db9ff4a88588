using PulsePipeline.Models.Detection;
using PulsePipeline.Models.Detection.Findings;
using PulsePipeline.Models.Instrument;

namespace PulsePipeline.UnitTests.Detection;

/// <summary>A flag is marked in a construct's view only where the detector's reasons move that construct.</summary>
public sealed class FlagTopicsTests
{
    [Fact]
    public void AUnitFlag_ConcernsTheConstructsItsReasonsMove()
    {
        IReadOnlyList<Reason> speakUp = [new Reason(ReasonKind.Moved, Construct.SpeakUp, -0.6, 0.2), new Reason(ReasonKind.Moved, Construct.Pressure, 0.1, 0.2, WithinNoise: true)];

        Assert.True(FlagTopics.Concerns(true, speakUp, Construct.SpeakUp));
        Assert.False(FlagTopics.Concerns(true, speakUp, Construct.Pressure));
        Assert.False(FlagTopics.Concerns(false, speakUp, Construct.SpeakUp));
        Assert.True(FlagTopics.Concerns(true, [], Construct.Pressure), "a flag stored before reasons were data concerns every construct");
    }

    [Fact]
    public void TheOrganisationsFlag_ConcernsAConstructAdverseAtTheDetectorsThreshold()
    {
        // Margins are 1.96 standard errors: −0.17 ± 0.05 is z ≈ −6.7, beyond the organisation threshold of 4.
        Assert.True(FlagTopics.OrganisationConcerns(true, Construct.SpeakUp, -0.17, 0.05));
        Assert.False(FlagTopics.OrganisationConcerns(true, Construct.Pressure, -0.17, 0.05));
        Assert.False(FlagTopics.OrganisationConcerns(true, Construct.SpeakUp, -0.04, 0.05));
        Assert.False(FlagTopics.OrganisationConcerns(false, Construct.SpeakUp, -0.17, 0.05));
    }
}
