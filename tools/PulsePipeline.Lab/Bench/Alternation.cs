using System.Globalization;

namespace PulsePipeline.Lab.Bench;

/// <summary>
/// Runs a scenario's halves in alternation — raw, pipeline, raw, pipeline — after a warm-up round of each that is
/// timed but not counted, so neither half meets cold services, connections, JIT or tables, and slow drift of the
/// shared machine's load falls on both. A target is judged on the median of the rounds' ratios, never on one run.
/// </summary>
internal static class Alternation
{
    public const int DefaultRounds = 5;

    /// <summary>
    /// Round 0 is the warm-up; rounds 1..<paramref name="rounds"/> are measured. Each half gets the round's index
    /// (so it can use fresh tokens, waves or messages) and its name carries the round.
    /// </summary>
    public static async Task<IReadOnlyList<StageResult[]>> RunAsync(int rounds, IReadOnlyList<Half> halves)
    {
        var measured = new List<StageResult[]>();
        for (var round = 0; round <= rounds; round++)
        {
            var label = round == 0 ? "warm-up" : $"round {round}";
            var results = new StageResult[halves.Count];
            for (var i = 0; i < halves.Count; i++)
            {
                var (index, half) = (round, halves[i]);
                if (half.BeforeAsync is { } before)
                {
                    await before(index);
                }

                Profile.Reset();
                results[i] = await Stage.RunAsync($"{label}: {half.Name}", half.Unit, () => half.RunAsync(index));
                Profile.Print(results[i].Items);
                if (half.AfterAsync is { } after)
                {
                    await after(index);
                }
            }

            if (round > 0)
            {
                measured.Add(results);
            }
        }

        return measured;
    }

    /// <summary>Prints the ratio of every round and their median, which is what the target is judged on.</summary>
    public static double Report(string what, IReadOnlyList<StageResult[]> rounds, int pipeline, int raw, double? target = null)
    {
        var ratios = rounds.Select(r => r[pipeline].Rate / r[raw].Rate).ToList();
        Console.WriteLine($"  {what}, per round (pipeline/s ÷ raw/s):");
        for (var i = 0; i < rounds.Count; i++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    round {i + 1}: {rounds[i][pipeline].Rate,7:0.0} ÷ {rounds[i][raw].Rate,7:0.0} = {ratios[i]:P0}"));
        }

        var median = Median(ratios);
        var verdict = target is { } t ? string.Create(CultureInfo.InvariantCulture, $" (target ≥ {t:P0}: {(median >= t ? "met" : "NOT met")})") : "";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {what}: median {median:P0} over {ratios.Count} rounds, range {ratios.Min():P0}–{ratios.Max():P0}{verdict}"));
        return median;
    }

    /// <summary>
    /// Prints how many times longer one half took than the raw half, every round and the median (for halves that do the
    /// same work as the raw one on the same rows, where a time ratio reads more plainly than a ratio of rates).
    /// </summary>
    public static double ReportTimes(string what, IReadOnlyList<StageResult[]> rounds, int half, int raw, double? atMost = null)
    {
        var ratios = rounds.Select(r => r[half].Elapsed / r[raw].Elapsed).ToList();
        Console.WriteLine($"  {what}, per round (seconds ÷ raw seconds):");
        for (var i = 0; i < rounds.Count; i++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    round {i + 1}: {rounds[i][half].Elapsed.TotalSeconds,7:0.000} s ÷ {rounds[i][raw].Elapsed.TotalSeconds,7:0.000} s = {ratios[i]:0.00}×"));
        }

        var median = Median(ratios);
        var verdict = atMost is { } t ? string.Create(CultureInfo.InvariantCulture, $" (target ≤ {t:0.#}×: {(median <= t ? "met" : "NOT met")})") : "";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {what}: median {median:0.00}× the raw reads over {ratios.Count} rounds, range {ratios.Min():0.00}×–{ratios.Max():0.00}×{verdict}"));
        return median;
    }

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
