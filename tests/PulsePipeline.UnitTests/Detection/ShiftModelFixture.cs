using PulsePipeline.Models.Detection;

namespace PulsePipeline.UnitTests.Detection;

/// <summary>The default shift model, trained once for all detection tests (training takes seconds).</summary>
public sealed class ShiftModelFixture
{
    public ShiftModel Model { get; } = ShiftModel.Train();
}
