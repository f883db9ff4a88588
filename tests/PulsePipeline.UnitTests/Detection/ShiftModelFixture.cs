using PulsePipeline.Models.Detection;
using PulsePipeline.Pipeline.Detection;

namespace PulsePipeline.UnitTests.Detection;

/// <summary>The shipped shift model (models/shift-model, copied beside the tests by the build), loaded once for all detection tests.</summary>
public sealed class ShiftModelFixture
{
    public ShiftModel Model { get; } = ShiftModelFiles.Load(ShiftModelFiles.DefaultDirectory);
}
