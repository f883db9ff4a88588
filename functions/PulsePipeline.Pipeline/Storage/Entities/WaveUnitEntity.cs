namespace PulsePipeline.Pipeline.Storage.Entities;

/// <summary>A unit as it was when a wave opened: partition the wave id, row key the unit id. Publication rolls up this tree, not the live roster.</summary>
public sealed class WaveUnitEntity : TableRow
{
    public string Parent { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>Employees of this unit itself (not its descendants) who were invited.</summary>
    public int Invited { get; set; }
}
