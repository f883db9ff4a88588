using System.Globalization;
using PulsePipeline.Models.Detection;

namespace PulsePipeline.UnitTests.Effects;

/// <summary>
/// A seeded flat history for effect tests: units of 20–60 respondents with stable offsets, a little AR drift and
/// sampling noise, plus whatever change a test plants per unit and wave (pressure, speak-up).
/// </summary>
internal static class SyntheticPanel
{
    public static string Wave(int t) => new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(t).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static string Unit(int u) => "u" + u.ToString("D3", CultureInfo.InvariantCulture);

    public static List<HistoryRow> Build(int units, int waves, int seed, Func<int, int, (double Pressure, double SpeakUp)>? change = null, Func<int, int>? size = null)
    {
        var random = new Random(seed);
        var rows = new List<HistoryRow>();
        for (var u = 0; u < units; u++)
        {
            var n = size?.Invoke(u) ?? random.Next(20, 61);
            var (op, os) = (0.25 * Normal(random), 0.25 * Normal(random));
            double dp = 0, ds = 0;
            for (var t = 0; t < waves; t++)
            {
                dp = 0.6 * dp + 0.03 * Normal(random);
                ds = 0.6 * ds + 0.03 * Normal(random);
                var (cp, cs) = change?.Invoke(u, t) ?? (0, 0);
                var p = Math.Clamp(2.3 + op + dp + cp + 0.7 / Math.Sqrt(n) * Normal(random), 1, 5);
                var s = Math.Clamp(3.3 + os + ds + cs + 0.8 / Math.Sqrt(n) * Normal(random), 1, 5);
                rows.Add(new HistoryRow(Wave(t), Unit(u), n, n * 2, Math.Round(p, 4), 0.7, Math.Round(s, 4), 0.8));
            }
        }

        return rows;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
