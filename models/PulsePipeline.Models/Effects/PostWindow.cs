namespace PulsePipeline.Models.Effects;

/// <summary>
/// The post horizons of one placebo window that can be read. A window cut short by the unit's own later intervention
/// (typically after a new shift, which is what made IPIM act) keeps its remaining horizons at the last deviation seen
/// before it: dropping them would leave exactly the windows where things went wrong out of the comparison, and the
/// interval too narrow.
/// </summary>
/// <param name="Count">Horizons read (published, or carried forward).</param>
/// <param name="Observed">The sum of their deviations.</param>
/// <param name="Carried">Horizons carried forward from the last deviation seen.</param>
/// <param name="CarryVariance">The sampling variance of the value carried.</param>
/// <param name="Mask">Which of the set's horizons were read: bit k for horizon k.</param>
internal readonly record struct PostWindow(int Count, double Observed, int Carried, double CarryVariance, int Mask)
{
    /// <summary>Reads the window of unit <paramref name="u"/> from pseudo-start <paramref name="s"/>: its waves and sampling variances into <paramref name="post"/> and <paramref name="variance"/>.</summary>
    public static PostWindow Read(EffectPanel panel, int u, int s, int[] horizons, int c, Span<int> post, Span<double> variance)
    {
        var p = 0;
        var mask = 0;
        double observed = 0, carry = double.NaN, carryVariance = 0;
        var carried = 0;
        for (var k = 0; k < horizons.Length; k++)
        {
            var t = s + horizons[k];
            if (!panel.IsControl(u, t))
            {
                if (double.IsNaN(carry))
                {
                    break;
                }

                post[p] = t;
                variance[p] = 0;
                observed += carry;
                carried++;
                p++;
                mask |= 1 << k;
                continue;
            }

            if (panel.Published(u, t))
            {
                var at = panel.Cell(u, t);
                post[p] = t;
                variance[p] = panel.V[c][at];
                observed += panel.D[c][at];
                (carry, carryVariance) = (panel.D[c][at], panel.V[c][at]);
                p++;
                mask |= 1 << k;
            }
        }

        return new PostWindow(p, observed, carried, carryVariance, mask);
    }
}
