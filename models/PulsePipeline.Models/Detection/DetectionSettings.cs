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
    /// gives about 0.8% false alarms on unchanged units with a full history in a calibration simulation).
    /// </summary>
    [Range(0.0, 1.0)]
    public double? ScoreThreshold { get; init; }

    /// <summary>
    /// |z| at which an organisation-wide change is reported as significant. High, because two constructs are tested
    /// every wave and a spurious organisation-level report is costly, while a real organisation-wide change is
    /// measured on all units at once and easily clears it (0.3 over 1,500 units is a z of about 25).
    /// </summary>
    [Range(1.0, 10.0)]
    public double OrganisationSignificanceZ { get; init; } = 4.0;
}
