namespace PulsePipeline.Lab.Detection;

public enum PlantedKind
{
    /// <summary>An adverse persistent shift: the detector should flag it in its onset wave or the next.</summary>
    Shift,

    /// <summary>A persistent improvement: it must never be flagged.</summary>
    Improvement,

    /// <summary>Fewer respondents from the onset on, answering as before: no change to flag.</summary>
    ParticipationDrop,
}
