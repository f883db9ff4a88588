namespace PulsePipeline.Models.Effects;

/// <summary>
/// How many verdicts chance alone labels: the one rule behind the sentence shown wherever verdicts are listed. An effect
/// is labelled improved or worsened when its 95% interval excludes zero, and a calibrated 95% interval of an
/// intervention that did nothing still excludes zero one time in twenty (docs/EFFECTS.md measures the calibration with
/// `pulse evaluate-effects`). So among N verdicts about N × 0.05 labels are expected even if no intervention worked, and
/// a list with that many labels is what no effect at all would look like.
/// </summary>
public static class ChanceLabels
{
    /// <summary>The share of verdicts on effects that are truly zero which still come out improved or worsened.</summary>
    public const double NullLabelRate = 0.05;

    /// <summary>The labels (improved or worsened) chance alone would give among <paramref name="verdicts"/> verdicts.</summary>
    public static double Expected(int verdicts)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(verdicts);
        return verdicts * NullLabelRate;
    }

    /// <summary>A verdict that labels an effect: improved or worsened (the interval excludes zero).</summary>
    public static bool IsLabel(string verdict) => EffectWords.VerdictOf(verdict) is EffectVerdict.Improved or EffectVerdict.Worsened;
}
