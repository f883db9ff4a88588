using PulsePipeline.Models.Workspace;

namespace PulsePipeline.UnitTests.Workspace;

/// <summary>The report's change between two of a unit's own published means: the difference with an interval of the two waves' errors.</summary>
public sealed class UnitFiguresChangeTests
{
    [Fact]
    public void Change_IsLaterMinusEarlier_WithBothWavesErrorsInItsInterval()
    {
        var (change, low, high) = UnitFigures.Change95(2.0, 0.8, 64, 2.3, 0.6, 36)!.Value;

        Assert.Equal(0.3, change, 12);
        Assert.Equal(UnitFigures.Z95 * Math.Sqrt((0.64 / 64) + (0.36 / 36)), high - change, 12);
        Assert.Equal(high - change, change - low, 12);
        Assert.Null(UnitFigures.Change95(2.0, 0.8, 64, null, 0.6, 36));
        Assert.Null(UnitFigures.Change95(2.0, 0.8, 0, 2.3, 0.6, 36));
    }
}
