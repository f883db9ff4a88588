using System.Runtime.Serialization;

namespace PulsePipeline.Pipeline.Storage.Entities;

/// <summary>A unit as it was when a wave opened: partition the wave id, row key the encoded unit id (<see cref="Unit"/>). Publication rolls up this tree, not the live roster.</summary>
public sealed class WaveUnitEntity : TableRow
{
    public string Parent { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>Employees of this unit itself (not its descendants) who were invited.</summary>
    public int Invited { get; set; }

    /// <summary>The unit id as HR wrote it (the row key decoded).</summary>
    [IgnoreDataMember]
    public string Unit => TableKeys.Decode(RowKey);
}
