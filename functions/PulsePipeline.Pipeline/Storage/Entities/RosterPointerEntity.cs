namespace PulsePipeline.Pipeline.Storage.Entities;

/// <summary>Row "current/current" of the roster table: which imported roster version is live. Switching it is what makes an import atomic.</summary>
public sealed class RosterPointerEntity : TableRow
{
    public const string Key = "current";

    public string Version { get; set; } = "";

    public int Units { get; set; }

    public int Employees { get; set; }
}
