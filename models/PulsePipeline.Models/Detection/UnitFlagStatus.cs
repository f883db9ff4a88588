namespace PulsePipeline.Models.Detection;

/// <summary>Whether a unit could be judged in a wave, and if not, why not.</summary>
public enum UnitFlagStatus
{
    /// <summary>The unit had figures this wave and enough earlier waves to compare them with.</summary>
    Scored,

    /// <summary>The unit had figures but too few earlier published waves to know what is normal for it.</summary>
    NotEnoughHistory,

    /// <summary>The unit's figures were suppressed this wave (fewer than k respondents).</summary>
    Suppressed,
}
