namespace PulsePipeline.Models.Effects;

/// <summary>
/// Whether a unit looked flagged shortly before a (pseudo-)start, from its published deviations alone: some wave 1–3
/// waves before it moved adversely (pressure up, speak-up down) by z ≥ 2.3 against the mean of the unit's last ≤ 6
/// published deviations, after at least 3 of them. The form of a "vs own history" flag, so that comparison windows can
/// be chosen by the same selection that made IPIM act on a treated unit (docs/EFFECTS.md, third round).
/// </summary>
internal static class FlagLike
{
    private const double Threshold = 2.3;
    private const int History = 6;

    public static bool Before(EffectPanel panel, int unit, int start)
    {
        for (var t = Math.Max(0, start - 3); t < start; t++)
        {
            if (At(panel, unit, t, 0, +1) || At(panel, unit, t, 1, -1))
            {
                return true;
            }
        }

        return false;
    }

    private static bool At(EffectPanel panel, int unit, int t, int c, int adverse)
    {
        if (!panel.Published(unit, t))
        {
            return false;
        }

        double sum = 0, sumVariance = 0;
        var k = 0;
        for (var s = t - 1; s >= 0 && k < History; s--)
        {
            if (panel.Published(unit, s))
            {
                var cell = panel.Cell(unit, s);
                sum += panel.D[c][cell];
                sumVariance += panel.V[c][cell];
                k++;
            }
        }

        if (k < 3)
        {
            return false;
        }

        var at = panel.Cell(unit, t);
        var z = (panel.D[c][at] - sum / k) / Math.Sqrt(panel.V[c][at] + sumVariance / (k * k) + 0.01);
        return adverse * z >= Threshold;
    }
}
