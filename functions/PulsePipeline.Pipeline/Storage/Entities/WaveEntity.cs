namespace PulsePipeline.Pipeline.Storage.Entities;

/// <summary>A survey wave: partition "wave", row key the wave id.</summary>
public sealed class WaveEntity : TableRow
{
    public const string Partition = "wave";

    public string State { get; set; } = WaveStates.Opening;

    public string InstrumentVersion { get; set; } = "";

    public string RosterVersion { get; set; } = "";

    public DateTimeOffset OpensAt { get; set; }

    public DateTimeOffset ClosesAt { get; set; }

    public int Units { get; set; }

    public int Invited { get; set; }

    /// <summary>When publication was last queued; a closed wave without a recent request is queued again.</summary>
    public DateTimeOffset? PublishRequestedAt { get; set; }

    /// <summary>The highest reminder round queued so far (0: none).</summary>
    public int RemindersQueued { get; set; }
}
