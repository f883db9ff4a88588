using System.ComponentModel.DataAnnotations;

namespace PulsePipeline.Models.Detection;

/// <summary>
/// Knobs of a detection run that do not change the model's features (those are fixed by the model's feature version).
/// </summary>
public sealed record DetectionSettings
{
    public static DetectionSettings Default { get; } = new();

    /// <summary>
    /// A model score threshold to use instead of the one the model was calibrated with (null: the model's own, which
    /// gives about 1% false alarms on unchanged units in the training simulation).
    /// </summary>
    [Range(0.0, 1.0)]
    public double? ScoreThreshold { get; init; }

    /// <summary>|z| at which an organisation-wide change is reported as significant. High, because it is tested every wave.</summary>
    [Range(1.0, 10.0)]
    public double OrganisationSignificanceZ { get; init; } = 3.0;
}
