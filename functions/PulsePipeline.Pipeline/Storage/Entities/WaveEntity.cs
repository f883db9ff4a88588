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

    /// <summary>
    /// The wave's own table (StorageNames.WaveTable): its token rows, idempotency markers and running tallies, created
    /// when the wave opens and deleted, all at once, when it is published.
    /// </summary>
    public string Table { get; set; } = "";

    /// <summary>
    /// Set by publication once the running tallies are copied to the permanent tallies table: from then on that copy is
    /// what the wave is published from, and the wave's table may be (or already be) deleted.
    /// </summary>
    public bool TalliesArchived { get; set; }
}
