using PulsePipeline.Lab.Simulation;
using PulsePipeline.Models.Instrument;

namespace PulsePipeline.UnitTests.Simulation;

public sealed class SimulatedRespondentsTests
{
    [Theory]
    [InlineData("p1", 0.115, true)]
    [InlineData("s5", 0.239, true)]
    [InlineData("s2", 0.257, true)]
    [InlineData("s3", 0.119, false)]
    [InlineData("n1", 0.711, true)]
    public void ANeutralClimate_ReproducesThe2018Rates(string item, double rate, bool agreeing)
    {
        var shares = SimulatedRespondents.Tilted(item, 0);

        var observed = agreeing ? shares[3] + shares[4] : shares[0] + shares[1];
        Assert.Equal(rate, observed, 3);
    }

    [Fact]
    public void AWorseClimate_RaisesPressure_AndLowersSpeakUp()
    {
        var random = new Random(5);
        double Mean(double climate, Construct construct) => Enumerable.Range(0, 4000)
            .Select(_ => SimulatedRespondents.Answer(Instruments.Current, climate, random))
            .Average(a => (double)Instruments.Current.ItemSum(construct, a) / Instruments.Current.ItemCount(construct));

        Assert.True(Mean(0.8, Construct.Pressure) > Mean(0, Construct.Pressure) + 0.3);
        Assert.True(Mean(0.8, Construct.SpeakUp) < Mean(0, Construct.SpeakUp) - 0.3);
        Assert.True(Mean(-0.8, Construct.Pressure) < Mean(0, Construct.Pressure));
    }

    [Theory]
    [InlineData(Construct.Pressure, 0.0, 0.0)]
    [InlineData(Construct.Pressure, 1.2, -0.4)]
    [InlineData(Construct.SpeakUp, 0.3, 0.9)]
    [InlineData(Construct.SpeakUp, -0.6, -0.6)]
    public void TheExpectedScore_IsWhatManyRespondentsAverageTo(Construct construct, double pressureClimate, double speakUpClimate)
    {
        var random = new Random(11);
        var simulated = Enumerable.Range(0, 40_000)
            .Select(_ => SimulatedRespondents.Answer(Instruments.Current, pressureClimate, speakUpClimate, random))
            .Average(a => (double)Instruments.Current.ItemSum(construct, a) / Instruments.Current.ItemCount(construct));

        var expected = SimulatedRespondents.ExpectedScore(Instruments.Current, construct, pressureClimate, speakUpClimate);

        // 40,000 respondents: the simulated mean's SD is below 0.004 scale points.
        Assert.InRange(simulated - expected, -0.015, 0.015);
    }
}
