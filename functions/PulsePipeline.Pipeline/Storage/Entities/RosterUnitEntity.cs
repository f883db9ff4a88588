namespace PulsePipeline.Pipeline.Storage.Entities;

/// <summary>A unit of one roster version: partition "u|{version}", row key the unit id.</summary>
public sealed class RosterUnitEntity : TableRow
{
    public string Parent { get; set; } = "";

    public string Name { get; set; } = "";
}
