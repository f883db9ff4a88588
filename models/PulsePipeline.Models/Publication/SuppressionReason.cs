namespace PulsePipeline.Models.Publication;

/// <summary>Why a unit's figures are withheld, or <see cref="None"/> when they are published.</summary>
public enum SuppressionReason
{
    None,

    /// <summary>Primary suppression: the unit, with its descendants, has fewer than k respondents.</summary>
    FewerThanK,

    /// <summary>
    /// Secondary suppression: the unit has at least k respondents, but publishing it would let a group of 1 to k−1
    /// respondents be recovered by subtracting published figures from each other.
    /// </summary>
    Secondary,
}
