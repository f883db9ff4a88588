using PulsePipeline.Models.Detection;
using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Models.Alerts;

/// <summary>A unit's published figures in one wave of its trend: n, construct means and SDs; or none, and why (<see cref="Gap"/>).</summary>
public sealed record TrendPoint(string Wave, long? N, double? Pressure, double? PressureSd, double? SpeakUp, double? SpeakUpSd, TrendGap Gap = TrendGap.None)
{
    public static TrendPoint Missing(string wave, TrendGap gap) => new(wave, null, null, null, null, null, gap);

    public double? Mean(Construct construct) => construct == Construct.Pressure ? Pressure : SpeakUp;

    /// <summary>The mean with its standard error (SD / √n), for reading the trend; null without figures.</summary>
    public TrendValue? Value(Construct construct)
    {
        var (mean, sd) = construct == Construct.Pressure ? (Pressure, PressureSd) : (SpeakUp, SpeakUpSd);
        return mean is { } m && sd is { } s && N is > 0 ? new TrendValue(m, s / Math.Sqrt(N.Value)) : null;
    }
}
