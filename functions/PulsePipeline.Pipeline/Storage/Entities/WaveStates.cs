namespace PulsePipeline.Pipeline.Storage.Entities;

/// <summary>A wave's life: opening (tokens and invitations being created), open, closed (publication queued), published.</summary>
public static class WaveStates
{
    public const string Opening = "opening";
    public const string Open = "open";
    public const string Closed = "closed";
    public const string Published = "published";
}
