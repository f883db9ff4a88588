namespace PulsePipeline.Lab.Detection;

/// <summary>What a unit-wave of a simulated history really is.</summary>
internal enum TruthKind
{
    /// <summary>Nothing planted up to this wave (participation drops included): any flag is a false alarm.</summary>
    Unchanged,

    /// <summary>The onset wave of an adverse shift or the wave after it: a flag here finds the shift.</summary>
    ShiftWindow,

    /// <summary>The onset wave of an improvement or the wave after it: must not be flagged.</summary>
    ImprovementWindow,

    /// <summary>Later waves of a changed unit: its history is absorbing the change, so flags there are neither right nor wrong.</summary>
    AfterChange,
}
