namespace PulsePipeline.Models.Effects;

/// <summary>Why an effect has no estimate. <see cref="None"/> for an effect with an estimate.</summary>
public enum InconclusiveReason
{
    None,

    /// <summary>No published wave of the unit from the start wave up to the as-of wave (yet).</summary>
    NoPostWave,

    /// <summary>Fewer published waves before the start than the minimum, including a start before the history begins.</summary>
    TooFewPreWaves,

    /// <summary>Another intervention in the unit or its line started in the same wave: the effects cannot be told apart.</summary>
    Confounded,

    /// <summary>Too few comparison units without an intervention over a window like this one.</summary>
    TooFewComparisons,

    /// <summary>The interval is so wide that it says nothing yet.</summary>
    TooWide,

    /// <summary>A pooled effect: fewer units of the type have a conclusive estimate than <see cref="EffectPooling.MinUnits"/>.</summary>
    TooFewUnits,

    /// <summary>
    /// The unit has no published wave up to the as-of wave: it is not in the history, or every wave of it was suppressed
    /// (always fewer than k respondents). Nothing of it can be compared.
    /// </summary>
    NoPublishedWave,

    /// <summary>
    /// The treated unit's history before the start (its flag wave included) moved further than any comparable untreated
    /// unit's did: what follows such a move cannot be learnt from the comparison units, only extrapolated.
    /// </summary>
    NoComparableChange,
}
