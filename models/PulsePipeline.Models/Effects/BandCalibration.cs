namespace PulsePipeline.Models.Effects;

/// <summary>
/// Mondrian split-conformal calibration of the neighbours' interval per size band. Untreated comparison windows after a
/// flag-like move (flag index at least <see cref="EffectSettings.CalibrateFrom"/>, what IPIM acts on) in the band are each
/// given the interval a treated unit with their history would get, from the other units' windows; the score of a window
/// is how far its error lies out on the interval's own side (1 at an end). The ⌈(m + 1)·0.95⌉-th smallest of m scores
/// stretches a treated unit's interval in that band: a new exchangeable window falls within it with chance at least 95%.
/// This takes out what one allowance cannot: after a move the error grows more where shifts persist than where they fade,
/// and more with heavy tails, by world and by band.
/// </summary>
internal static class BandCalibration
{
    public static double Scale(Placebo[] placebos, int band, EffectSettings settings)
    {
        var flagged = Enumerable.Range(0, placebos.Length).Where(i => !placebos[i].Cut && placebos[i].Flag >= settings.CalibrateFrom).ToArray();
        var mine = flagged.Where(i => placebos[i].Band == band).ToArray();
        // A band with few flagged windows cannot calibrate alone (a 95% quantile of m scores is only resolved for m ≥ 19,
        // and is noisy well above): the bands are then pooled; with too few even then, the neighbours' interval stands.
        var chosen = mine.Length >= settings.MinCalibration ? mine : flagged;
        if (chosen.Length < settings.MinCalibration)
        {
            return 1;
        }

        var step = Math.Max(1, chosen.Length / settings.CalibrationWindows);
        var scores = new List<double>();
        for (var at = 0; at < chosen.Length && scores.Count < settings.CalibrationWindows; at += step)
        {
            var p = placebos[chosen[at]];
            var r = NeighbourCorrection.Local(placebos, p, settings, p.Unit);
            var e = p.Error;
            scores.Add(e >= r.Correction ? (e - r.Correction) / Math.Max(1e-12, r.High - r.Correction) : (r.Correction - e) / Math.Max(1e-12, r.Correction - r.Low));
        }

        scores.Sort();
        var m = scores.Count;
        var rank = (int)Math.Ceiling((m + 1) * settings.CalibrationLevel - 1e-9);
        return scores[Math.Min(rank, m) - 1];
    }
}
