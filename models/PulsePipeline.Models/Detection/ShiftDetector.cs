using System.Globalization;
using PulsePipeline.Models.Detection.Features;
using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Models.Detection;

/// <summary>
/// Flags units whose pressure rises or whose speak-up safety falls beyond what chance explains, from published
/// (k-anonymous) figures only. Pure: no I/O, no clock, no randomness; the same history and model give the same result,
/// and each wave's verdicts use only that wave and earlier ones.
/// </summary>
public static class ShiftDetector
{
    /// <summary>
    /// A unit is only flagged with at least this much adverse evidence (one-sided 5%) in one construct, whatever the
    /// model says: improvements and noise alone can never raise a flag.
    /// </summary>
    internal const double AdverseEvidenceZ = 1.645;

    /// <summary>
    /// Judges every unit row of every wave in <paramref name="history"/> (rows in any order; suppressed rows allowed).
    /// </summary>
    /// <exception cref="ArgumentException">A wave and unit appear twice, or figures are out of range.</exception>
    public static DetectionResult Detect(IEnumerable<HistoryRow> history, ShiftModel model, DetectionSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        settings ??= DetectionSettings.Default;
        var table = FeatureBuilder.Build(history);
        var scored = table.Evidence.Where(e => e.Status == UnitFlagStatus.Scored).ToList();
        var scores = model.Score(scored.Select(e => e.Features!).ToList());
        var threshold = settings.ScoreThreshold ?? model.Threshold;
        var organisation = Enumerable.Range(0, table.Waves.Count).Select(t => Organisation(table, t, settings)).ToList();
        var flags = new List<UnitFlag>(table.Evidence.Count);
        var k = 0;
        foreach (var e in table.Evidence)
        {
            double? score = e.Status == UnitFlagStatus.Scored ? scores[k++] : null;
            var flagged = score >= threshold && HasAdverseEvidence(e);
            flags.Add(new UnitFlag(
                table.Waves[e.WaveIndex],
                table.Units[e.UnitIndex],
                e.Status,
                e.Row.N,
                flagged,
                score,
                e.Pressure?.Change,
                e.Pressure is { } p ? DetectionMath.Z95 * p.Se : null,
                e.SpeakUp?.Change,
                e.SpeakUp is { } s ? DetectionMath.Z95 * s.Se : null,
                DetectorReasons.For(e, flagged, organisation[e.WaveIndex])));
        }

        return new DetectionResult(table.Waves, flags, organisation, model.Version);
    }

    internal static bool HasAdverseEvidence(UnitWaveEvidence e) => e.MaxAdverseZ >= AdverseEvidenceZ;

    internal static OrganisationChange Organisation(FeatureTable table, int t, DetectionSettings settings)
    {
        var wave = table.Waves[t];
        var (p, s) = (table.PressureLevels[t], table.SpeakUpLevels[t]);
        if (t == 0 || !p.Estimated || !s.Estimated)
        {
            var why = t == 0 ? "first wave: nothing to compare with" : "too few units with history to estimate an organisation-wide change";
            return new OrganisationChange(wave, p.Units, null, null, null, null, false) { Description = why };
        }

        var (pp, sp) = (table.PressureLevels[t - 1], table.SpeakUpLevels[t - 1]);
        var pChange = p.Level - pp.Level;
        var sChange = s.Level - sp.Level;
        var pSe = Math.Sqrt(p.Se * p.Se + pp.Se * pp.Se);
        var sSe = Math.Sqrt(s.Se * s.Se + sp.Se * sp.Se);
        var pZ = pChange / pSe;
        var sZ = sChange / sSe;
        var z = settings.OrganisationSignificanceZ;
        var significant = Math.Abs(pZ) >= z || Math.Abs(sZ) >= z;
        var description = string.Create(CultureInfo.InvariantCulture,
            $"organisation-wide pressure {Numbers.WithSign(pChange, Language.En)} ({ReasonTexts.Margin(DetectionMath.Z95 * pSe, Language.En)}), speak-up safety " +
            $"{Numbers.WithSign(sChange, Language.En)} ({ReasonTexts.Margin(DetectionMath.Z95 * sSe, Language.En)}) since the previous wave, over {p.Units} units");
        return new OrganisationChange(wave, p.Units, pChange, DetectionMath.Z95 * pSe, sChange, DetectionMath.Z95 * sSe, significant)
        {
            Adverse = pZ >= z || -sZ >= z,
            Description = (significant ? "significant: " : "within noise: ") + description,
        };
    }
}
