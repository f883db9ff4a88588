using PulsePipeline.Models.Effects;

namespace PulsePipeline.UnitTests.Effects;

/// <summary>Chance alone labels one verdict in twenty: the rule behind the sentence beside every list of verdicts.</summary>
public sealed class ChanceLabelsTests
{
    [Fact]
    public void Expected_IsOneInTwenty_AndOnlyImprovedAndWorsenedAreLabels()
    {
        Assert.Equal(0.6, ChanceLabels.Expected(12), 12);
        Assert.Equal(0, ChanceLabels.Expected(0));
        Assert.True(ChanceLabels.IsLabel("improved"));
        Assert.True(ChanceLabels.IsLabel("worsened"));
        Assert.False(ChanceLabels.IsLabel("no-clear-change"));
        Assert.False(ChanceLabels.IsLabel("inconclusive"));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChanceLabels.Expected(-1));
    }
}
