namespace PulsePipeline.Pipeline.Interventions;

/// <summary>How a write to the registry ended. Only <see cref="Saved"/> changed anything (and wrote an audit row).</summary>
public enum InterventionWriteOutcome
{
    /// <summary>Stored; the result holds the new version.</summary>
    Saved,

    /// <summary>Nothing to change: the stored intervention already is as asked.</summary>
    Unchanged,

    /// <summary>Refused by the rules (or a duplicate); the result lists every problem by field.</summary>
    Invalid,

    /// <summary>No intervention has that id.</summary>
    NotFound,

    /// <summary>Someone changed it since the version given; the result holds the current one to show or merge.</summary>
    Conflict,
}
