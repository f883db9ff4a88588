using System.Runtime.Serialization;

namespace PulsePipeline.Pipeline.Storage.Entities;

/// <summary>A unit of one roster version: partition "u|{version}", row key the encoded unit id (<see cref="Unit"/>).</summary>
public sealed class RosterUnitEntity : TableRow
{
    public string Parent { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>The unit id as HR wrote it (the row key decoded).</summary>
    [IgnoreDataMember]
    public string Unit => TableKeys.Decode(RowKey);
}
