namespace PulsePipeline.Models.Detection.Features;

/// <summary>Everything the detector knows about one unit in one wave, computed from waves up to it only; HistoryWaves counts its earlier published waves.</summary>
internal sealed record UnitWaveEvidence(
    int WaveIndex,
    int UnitIndex,
    HistoryRow Row,
    UnitFlagStatus Status,
    ConstructEvidence? Pressure,
    ConstructEvidence? SpeakUp,
    double? ResponseRate,
    double? PreviousResponseRate,
    int HistoryWaves,
    float[]? Features)
{
    /// <summary>The plain statistical baseline: the larger adverse single-wave z of the two constructs.</summary>
    public double BaselineZ => Math.Max(Pressure?.Z ?? double.NegativeInfinity, SpeakUp?.Z ?? double.NegativeInfinity);

    /// <summary>The strongest adverse evidence of any kind; a unit without any is never flagged.</summary>
    public double MaxAdverseZ => Math.Max(Pressure?.MaxZ ?? double.NegativeInfinity, SpeakUp?.MaxZ ?? double.NegativeInfinity);
}
