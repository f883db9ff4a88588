namespace PulsePipeline.Models.Detection.Features;

/// <summary>
/// How far one construct of one unit moved in a wave. Changes are in scale points (signed as measured); the z values
/// are oriented so that positive is adverse (pressure up, speak-up down). Two-wave figures compare this wave and the
/// previous one together with the history before both; null where the unit had no figures in the previous wave.
/// <see cref="Trend"/> is what the recent deviations (the same points as <see cref="TrendZ"/>) show in words' terms.
/// </summary>
internal sealed record ConstructEvidence(
    double Change,
    double Se,
    double Z,
    double? TwoWaveChange,
    double? TwoWaveSe,
    double? TwoWaveZ,
    double? TrendZ,
    TrendReading? Trend = null)
{
    /// <summary>The strongest adverse evidence, single wave or two waves.</summary>
    public double MaxZ => Math.Max(Z, TwoWaveZ ?? double.NegativeInfinity);
}
