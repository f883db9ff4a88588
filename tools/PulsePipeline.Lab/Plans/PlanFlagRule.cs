using PulsePipeline.Models.Detection;

namespace PulsePipeline.Lab.Plans;

/// <summary>
/// Which units a plan world flags, from the published history alone (not the pipeline's detector): a unit's deviation
/// from the wave's mean against its own last published deviations, pressure up or speak-up down by at least
/// <see cref="Z"/> standard errors. Flagged units are partly noise and partly fading shifts, so they regress.
/// </summary>
internal static class PlanFlagRule
{
    public const double Z = 2.3;
    private const int History = 6;
    private const double ExcessVariance = 0.01;

    /// <returns>Per wave index, the units flagged in it.</returns>
    public static HashSet<string>[] Flags(IReadOnlyList<HistoryRow> rows, IReadOnlyList<string> waves)
    {
        var waveIndex = waves.Select((w, i) => (w, i)).ToDictionary(p => p.w, p => p.i, StringComparer.Ordinal);
        var flags = waves.Select(_ => new HashSet<string>(StringComparer.Ordinal)).ToArray();
        var published = rows.Where(r => r.IsPublished).ToList();
        var means = published.GroupBy(r => waveIndex[r.Wave]).ToDictionary(g => g.Key, g => (P: g.Average(r => r.PressureMean!.Value), S: g.Average(r => r.SpeakUpMean!.Value)));
        foreach (var unit in published.GroupBy(r => r.Unit))
        {
            var past = new List<(double P, double S, double Vp, double Vs)>();
            foreach (var row in unit.OrderBy(r => waveIndex[r.Wave]))
            {
                var t = waveIndex[row.Wave];
                var now = (P: row.PressureMean!.Value - means[t].P, S: row.SpeakUpMean!.Value - means[t].S, Vp: Variance(row.PressureSd!.Value, row.N!.Value), Vs: Variance(row.SpeakUpSd!.Value, row.N!.Value));
                var recent = past.TakeLast(History).ToList();
                past.Add(now);
                if (recent.Count < 3)
                {
                    continue;
                }

                var k = recent.Count;
                var zp = (now.P - recent.Average(h => h.P)) / Math.Sqrt(now.Vp + recent.Sum(h => h.Vp) / (k * k) + ExcessVariance);
                var zs = (now.S - recent.Average(h => h.S)) / Math.Sqrt(now.Vs + recent.Sum(h => h.Vs) / (k * k) + ExcessVariance);
                if (zp >= Z || zs <= -Z)
                {
                    flags[t].Add(unit.Key);
                }
            }
        }

        return flags;
    }

    private static double Variance(double sd, int n) => Math.Max(sd * sd, 0.3) / n;
}
