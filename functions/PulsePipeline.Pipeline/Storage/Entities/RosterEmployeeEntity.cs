using System.Runtime.Serialization;

namespace PulsePipeline.Pipeline.Storage.Entities;

/// <summary>An employee of one roster version: partition "e|{version}|{encoded unit id}", row key the encoded employee id (<see cref="Employee"/>).</summary>
public sealed class RosterEmployeeEntity : TableRow
{
    public string Email { get; set; } = "";

    public string Language { get; set; } = "";

    /// <summary>The employee id as HR wrote it (the row key decoded).</summary>
    [IgnoreDataMember]
    public string Employee => TableKeys.Decode(RowKey);
}
