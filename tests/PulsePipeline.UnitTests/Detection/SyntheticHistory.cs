using System.Globalization;
using PulsePipeline.Models.Detection;

namespace PulsePipeline.UnitTests.Detection;

/// <summary>
/// Builds controlled histories: background units with realistic sampling noise (seeded), and target units whose means
/// are given exactly, so a test states precisely what moved.
/// </summary>
internal sealed class SyntheticHistory
{
    private const double PressureSd = 0.75, SpeakUpSd = 0.85;
    private static readonly int[] BackgroundSizes = [5, 8, 12, 20, 30, 45, 80];
    private readonly List<HistoryRow> rows = [];

    public IReadOnlyList<HistoryRow> Rows => rows;

    public static string Wave(int index) => "2027-" + (index + 1).ToString("D2", CultureInfo.InvariantCulture);

    /// <summary>
    /// Units of mixed sizes whose true levels stay put (plus the organisation-wide changes given per wave) and whose
    /// published means carry sampling noise SD/√n and a little between-wave noise.
    /// </summary>
    public SyntheticHistory Background(int units, int waves, int seed, Func<int, double>? pressureShift = null, Func<int, double>? speakUpShift = null)
    {
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        for (var u = 0; u < units; u++)
        {
            var n = BackgroundSizes[u % BackgroundSizes.Length];
            var pLevel = 2.3 + 0.3 * Normal();
            var sLevel = 3.3 + 0.3 * Normal();
            for (var w = 0; w < waves; w++)
            {
                var p = pLevel + (pressureShift?.Invoke(w) ?? 0) + 0.05 * Normal() + PressureSd / Math.Sqrt(n) * Normal();
                var s = sLevel + (speakUpShift?.Invoke(w) ?? 0) + 0.05 * Normal() + SpeakUpSd / Math.Sqrt(n) * Normal();
                rows.Add(Row(w, "bg" + u.ToString("D3", CultureInfo.InvariantCulture), n, p, s));
            }
        }

        return this;
    }

    /// <summary>A unit with exactly these means, one per wave.</summary>
    public SyntheticHistory Unit(string id, int n, IReadOnlyList<double> pressure, IReadOnlyList<double> speakUp)
    {
        for (var w = 0; w < pressure.Count; w++)
        {
            rows.Add(Row(w, id, n, pressure[w], speakUp[w]));
        }

        return this;
    }

    /// <summary>Levels that wobble a little around <paramref name="level"/> for <paramref name="waves"/> waves, then the given values.</summary>
    public static double[] Flat(double level, int waves, params double[] then) =>
        [.. Enumerable.Range(0, waves).Select(w => level + (w % 3 - 1) * 0.03), .. then];

    private static HistoryRow Row(int wave, string unit, int n, double pressure, double speakUp) =>
        new(Wave(wave), unit, n, n * 2, Math.Clamp(pressure, 1, 5), PressureSd, Math.Clamp(speakUp, 1, 5), SpeakUpSd);
}
