using PulsePipeline.Models.Instrument;

namespace PulsePipeline.UnitTests.Instrument;

public sealed class InstrumentTests
{
    private static readonly SurveyInstrument Current = Instruments.Current;

    [Fact]
    public void EveryConstruct_HasItems()
    {
        foreach (var construct in Enum.GetValues<Construct>())
        {
            Assert.NotEmpty(Current.ItemsOf(construct));
        }
    }

    [Fact]
    public void ItemIds_AreUnique_AndEveryItemIsWordedInBothLanguages()
    {
        Assert.Equal(Current.Items.Count, Current.Items.Select(i => i.Id).Distinct().Count());
        foreach (var item in Current.Items)
        {
            Assert.False(string.IsNullOrWhiteSpace(item.Text.Nl), item.Id);
            Assert.False(string.IsNullOrWhiteSpace(item.Text.En), item.Id);
            Assert.NotEqual(item.Text.Nl, item.Text.En);
        }
    }

    [Fact]
    public void TheScale_HasFiveLabelledPoints_InBothLanguages()
    {
        Assert.Equal(SurveyItem.MaxAnswer - SurveyItem.MinAnswer + 1, Current.ScaleLabels.Count);
        Assert.All(Current.ScaleLabels, l => Assert.False(string.IsNullOrWhiteSpace(l.Nl) || string.IsNullOrWhiteSpace(l.En)));
    }

    [Fact]
    public void SpeakUp_HasReverseCodedItems_AndOnlyThere()
    {
        Assert.Contains(Current.ItemsOf(Construct.SpeakUp), i => i.ReverseCoded);
        Assert.DoesNotContain(Current.ItemsOf(Construct.Pressure), i => i.ReverseCoded);
    }

    [Fact]
    public void PressureNamesItsSource_ManagerAndLeadership()
    {
        Assert.True(Current.TryGetItem("p5", out var manager));
        Assert.True(Current.TryGetItem("p6", out var leadership));
        Assert.Contains("manager", manager.Text.En, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("leadership", leadership.Text.En, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 4)]
    [InlineData(3, 3)]
    [InlineData(5, 1)]
    public void ReverseCodedItems_CountAsSixMinusTheAnswer(int answer, int scored)
    {
        var reversed = Current.Items.First(i => i.ReverseCoded);
        var plain = Current.Items.First(i => !i.ReverseCoded);

        Assert.Equal(scored, reversed.Scored(answer));
        Assert.Equal(answer, plain.Scored(answer));
    }

    [Fact]
    public void ItemSum_AddsScoredAnswersOfOneConstruct()
    {
        var answers = Current.Items.ToDictionary(i => i.Id, _ => 5);
        var speakUp = Current.ItemsOf(Construct.SpeakUp).ToList();

        // All "strongly agree": positive items count 5, reverse-coded ones 1.
        var expected = speakUp.Count(i => !i.ReverseCoded) * 5 + speakUp.Count(i => i.ReverseCoded) * 1;
        Assert.Equal(expected, Current.ItemSum(Construct.SpeakUp, answers));
        Assert.Equal(speakUp.Count, Current.ItemCount(Construct.SpeakUp));
    }

    [Fact]
    public void Versions_AreLookedUpExactly()
    {
        Assert.True(Instruments.TryGet(Current.Version, out var found));
        Assert.Same(Current, found);
        Assert.False(Instruments.TryGet("integrity-pulse-v0", out _));
        Assert.False(Instruments.TryGet(null, out _));
    }
}
