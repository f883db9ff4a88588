using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Workspace;

namespace PulsePipeline.UnitTests.Workspace;

public sealed class ChangeClassesTests
{
    [Theory]
    [InlineData(Construct.Pressure, 0.5, 0.2, ChangeClass.ClearlyWorse)]
    [InlineData(Construct.Pressure, 0.15, 0.2, ChangeClass.Worse)]
    [InlineData(Construct.Pressure, 0.05, 0.2, ChangeClass.NoClearChange)]
    [InlineData(Construct.Pressure, -0.15, 0.2, ChangeClass.Better)]
    [InlineData(Construct.Pressure, -0.5, 0.2, ChangeClass.ClearlyBetter)]
    [InlineData(Construct.SpeakUp, -0.5, 0.2, ChangeClass.ClearlyWorse)]
    [InlineData(Construct.SpeakUp, 0.5, 0.2, ChangeClass.ClearlyBetter)]
    [InlineData(Construct.SpeakUp, 0.0, 0.2, ChangeClass.NoClearChange)]
    public void Class_FollowsDirectionOfHarm_AndTheMargin(Construct construct, double change, double margin, ChangeClass expected) =>
        Assert.Equal(expected, ChangeClasses.Classify(construct, change, margin));

    [Fact]
    public void ExactlyAtTheMargin_IsNotYetClear() =>
        Assert.Equal(ChangeClass.Worse, ChangeClasses.Classify(Construct.Pressure, 0.2, 0.2));

    [Fact]
    public void Interval95_IsMeanPlusMinusZSdOverRootN()
    {
        var (low, high) = UnitFigures.Interval95(3.0, 0.8, 16)!.Value;

        Assert.Equal(3.0 - (UnitFigures.Z95 * 0.2), low, 12);
        Assert.Equal(3.0 + (UnitFigures.Z95 * 0.2), high, 12);
        Assert.Null(UnitFigures.Interval95(null, 0.8, 16));
        Assert.Null(UnitFigures.Interval95(3.0, 0.8, 0));
    }

    [Fact]
    public void Share_IsOneAnswersPartOfItsItem()
    {
        Assert.Equal(0.25, UnitFigures.Share([1, 1, 2, 0, 0], 0));
        Assert.Equal(0.5, UnitFigures.Share([1, 1, 2, 0, 0], 2));
        Assert.Null(UnitFigures.Share([0, 0, 0, 0, 0], 1));
    }
}
