namespace PulsePipeline.UnitTests.Detection;

/// <summary>Detection tests share one trained model and run one after another, so they do not compete for the 2 cores.</summary>
[CollectionDefinition(Name)]
public sealed class SharedShiftModel : ICollectionFixture<ShiftModelFixture>
{
    public const string Name = "shift model";
}
