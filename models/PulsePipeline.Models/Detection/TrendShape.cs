namespace PulsePipeline.Models.Detection;

/// <summary>What a short run of values shows (see <see cref="TrendShapes.Read"/>).</summary>
public enum TrendShape
{
    /// <summary>Fewer than two values: no trend to speak of.</summary>
    TooFewPoints,

    /// <summary>No step and no overall change beyond noise.</summary>
    NoClearChange,

    /// <summary>Flat before, then one step beyond noise in the last wave.</summary>
    JumpInLastWave,

    /// <summary>Over three or more waves, one way throughout, no single step carrying most of it.</summary>
    Steady,

    /// <summary>One step beyond noise in an earlier wave, the level held since.</summary>
    StepEarlier,

    /// <summary>A step beyond noise, and back within noise of the level before it in the last wave.</summary>
    BackToEarlierLevel,

    /// <summary>Steps beyond noise both ways without a direction.</summary>
    UpAndDown,
}
