namespace PulsePipeline.Models.Alerts;

/// <summary>Why a unit has no point in a wave of its trend.</summary>
public enum TrendGap
{
    /// <summary>It has one.</summary>
    None,

    /// <summary>Published as suppressed: too few respondents, or hidden to protect a neighbouring unit (which of the two is not said).</summary>
    Suppressed,

    /// <summary>The unit was not in the organisation's tree when that wave opened.</summary>
    NotInOrganisation,

    /// <summary>The unit was in the tree, but the wave's publication holds no row for it.</summary>
    NotPublished,
}
