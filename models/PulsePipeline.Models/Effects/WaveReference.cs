namespace PulsePipeline.Models.Effects;

/// <summary>
/// The organisation-wide reference m_t of each wave: the precision-weighted mean (weights 1/(v + τ²)) of the published
/// means of control units. Deviations from it take org-wide change out of every unit alike, treated or not.
/// </summary>
internal static class WaveReference
{
    private const double ChiSquare1Median = 0.454936423119572;

    public static double[] Compute(EffectPanel panel, int c)
    {
        var m = new double[panel.W];
        for (var t = 0; t < panel.W; t++)
        {
            var cells = Cells(panel, t, controlOnly: true);
            if (cells.Count == 0)
            {
                cells = Cells(panel, t, controlOnly: false);
            }

            if (cells.Count == 0)
            {
                m[t] = double.NaN;
                continue;
            }

            // Two passes: an equal-weight mean gives the spread between units (τ²), which sets the weights of the second.
            var plain = cells.Average(at => panel.Y[c][at]);
            var tau2 = cells.Count < 10 ? 0.05 : Math.Max(0.01, Median(cells.Select(at => Sq(panel.Y[c][at] - plain) / ChiSquare1Median - panel.V[c][at]).ToArray()));
            double sum = 0, weights = 0;
            foreach (var at in cells)
            {
                var w = 1 / (panel.V[c][at] + tau2);
                sum += w * panel.Y[c][at];
                weights += w;
            }

            m[t] = sum / weights;
        }

        return m;
    }

    private static List<int> Cells(EffectPanel panel, int t, bool controlOnly)
    {
        var cells = new List<int>();
        for (var u = 0; u < panel.Units.Count; u++)
        {
            if (panel.Published(u, t) && (!controlOnly || panel.IsControl(u, t)))
            {
                cells.Add(panel.Cell(u, t));
            }
        }

        return cells;
    }

    private static double Sq(double x) => x * x;

    private static double Median(double[] values)
    {
        Array.Sort(values);
        var m = values.Length / 2;
        return values.Length % 2 == 1 ? values[m] : (values[m - 1] + values[m]) / 2;
    }
}
