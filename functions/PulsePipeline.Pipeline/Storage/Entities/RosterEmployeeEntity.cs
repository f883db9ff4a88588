namespace PulsePipeline.Pipeline.Storage.Entities;

/// <summary>An employee of one roster version: partition "e|{version}|{unit}", row key the employee id.</summary>
public sealed class RosterEmployeeEntity : TableRow
{
    public string Email { get; set; } = "";

    public string Language { get; set; } = "";
}
