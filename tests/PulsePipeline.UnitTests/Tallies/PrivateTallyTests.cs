using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Tallies;

namespace PulsePipeline.UnitTests.Tallies;

public sealed class PrivateTallyTests
{
    private static readonly SurveyInstrument Instrument = Instruments.Current;

    [Fact]
    public void AddingResponses_KeepsExactIntegerTotals_AndCounts()
    {
        var first = Instrument.Items.ToDictionary(i => i.Id, _ => 2);
        var second = Instrument.Items.ToDictionary(i => i.Id, i => i.Id == "s2" ? 5 : 4);

        var tally = PrivateTally.Empty(Instrument).Add(Instrument, first).Add(Instrument, second);

        Assert.Equal(2, tally.N);
        var speakUpFirst = Instrument.ItemSum(Construct.SpeakUp, first);
        var speakUpSecond = Instrument.ItemSum(Construct.SpeakUp, second);
        Assert.Equal(speakUpFirst + speakUpSecond, tally.Constructs[Construct.SpeakUp].ItemSum);
        Assert.Equal((speakUpFirst * speakUpFirst) + (speakUpSecond * speakUpSecond), tally.Constructs[Construct.SpeakUp].ItemSumOfSquares);
        Assert.Equal([0L, 1, 0, 0, 1], tally.Counts["s2"]);
        Assert.Equal([0L, 1, 0, 1, 0], tally.Counts["p1"]);
    }

    [Fact]
    public void TheUnitTally_HasConstructMeansOnTheOneToFiveScale()
    {
        var answers = Instrument.Items.ToDictionary(i => i.Id, _ => 4);

        var unit = PrivateTally.Empty(Instrument).Add(Instrument, answers).Add(Instrument, answers).ToUnitTally(Instrument);

        Assert.Equal(2, unit.N);
        Assert.Equal(8m, unit.Constructs[Construct.Pressure].Sum);
        // Speak-up: three items at 4, two reverse-coded at 6 - 4 = 2, mean 3.2 per respondent.
        Assert.Equal(6.4m, unit.Constructs[Construct.SpeakUp].Sum);
    }

    [Fact]
    public void AddingDoesNotChangeTheOriginal()
    {
        var empty = PrivateTally.Empty(Instrument);
        _ = empty.Add(Instrument, Instrument.Items.ToDictionary(i => i.Id, _ => 3));

        Assert.Equal(0, empty.N);
        Assert.All(empty.Counts.Values, c => Assert.All(c, v => Assert.Equal(0, v)));
    }
}
