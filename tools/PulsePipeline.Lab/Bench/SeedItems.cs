using System.Text.Json;
using PulsePipeline.Models.Detection;
using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Lab.Bench;

/// <summary>
/// Item distributions for a seeded published row (the counts of each answer per item, as publication stores them):
/// a discretised normal around the row's construct mean (reflected for reverse-coded items), its counts summing to n.
/// Only the unit page shows them; the benches need them for the size of what it reads and renders.
/// </summary>
internal static class SeedItems
{
    private const double NormsMean = 3.8;

    public static string Json(HistoryRow row)
    {
        var n = row.N ?? 0;
        var items = Instruments.Current.Items.ToDictionary(
            i => i.Id,
            i =>
            {
                var mean = i.Construct switch
                {
                    Construct.Pressure => row.PressureMean ?? 2.5,
                    Construct.SpeakUp => row.SpeakUpMean ?? 3.3,
                    _ => NormsMean,
                };
                return Counts(n, i.ReverseCoded ? SurveyItem.MinAnswer + SurveyItem.MaxAnswer - mean : mean);
            },
            StringComparer.Ordinal);
        return JsonSerializer.Serialize(items);
    }

    private static long[] Counts(int n, double mean)
    {
        var weights = Enumerable.Range(SurveyItem.MinAnswer, SurveyItem.MaxAnswer).Select(a => Math.Exp(-0.5 * (a - mean) * (a - mean))).ToArray();
        var total = weights.Sum();
        var counts = weights.Select(w => (long)Math.Floor(n * w / total)).ToArray();
        counts[Array.IndexOf(weights, weights.Max())] += n - counts.Sum();
        return counts;
    }
}
