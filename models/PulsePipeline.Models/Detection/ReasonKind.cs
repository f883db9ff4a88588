namespace PulsePipeline.Models.Detection;

/// <summary>The kinds of thing the detector says about a unit in a wave (see <see cref="Reason"/>).</summary>
public enum ReasonKind
{
    /// <summary>The unit's figures were suppressed this wave.</summary>
    Suppressed,

    /// <summary>Too few earlier published waves (<see cref="Reason.Count"/> needed) to know what is normal for the unit.</summary>
    NotEnoughHistory,

    /// <summary>A construct moved against the unit's own history this wave.</summary>
    Moved,

    /// <summary>A construct moved over this and the previous wave together, against the history before both.</summary>
    MovedOverTwoWaves,

    /// <summary>A construct moved steadily the adverse way over <see cref="Reason.Count"/> waves.</summary>
    SteadyTrend,

    /// <summary>The response rate fell notably, from <see cref="Reason.From"/> to <see cref="Reason.To"/>.</summary>
    ResponseRateFell,

    /// <summary>Nothing moved the adverse way beyond noise.</summary>
    NoAdverseChange,
}
