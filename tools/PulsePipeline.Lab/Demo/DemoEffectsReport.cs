using System.Globalization;
using PulsePipeline.Models.Effects;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Pipeline.Effects;
using PulsePipeline.Pipeline.Storage.Entities;

namespace PulsePipeline.Lab.Demo;

/// <summary>
/// The effects the pipeline stored for the last wave, read back from storage (not recomputed), beside what the demo
/// planted: per intervention and construct the planted effect, the estimate with its 95% interval and the verdict,
/// the reason where it is inconclusive, then the pooled effect per type. It claims no more than the intervals say. The
/// rollout plan's members and its type are left to <see cref="DemoRolloutReport"/>.
/// </summary>
internal static class DemoEffectsReport
{
    public static void Print(DemoPlan plan, IReadOnlyList<EffectEntity> stored, IReadOnlyDictionary<string, double> climates, string asOfWave)
    {
        Console.WriteLine($"Effects found against what was planted (as the pipeline stored them for wave {asOfWave}; scale points, observed minus");
        Console.WriteLine("what the unit would have done without the intervention; pressure down or speak-up up is better):");
        var rows = stored.Where(r => !r.IsPooled && !plan.PlanStarts.ContainsKey(r.Unit)).OrderBy(r => r.StartWave, StringComparer.Ordinal).ThenBy(r => r.Unit, StringComparer.Ordinal).ThenBy(r => r.Construct, StringComparer.Ordinal).ToList();
        if (rows.Count == 0)
        {
            Console.WriteLine("  none: no intervention had a published wave after its start.");
            return;
        }

        Console.WriteLine($"  {"unit",-8} {"type",-20} {"from",-8} {"construct",-9} {"planted",7} {"estimate",8}  {"95% interval",-16} verdict");
        var (inside, zeroLabelled, zeroCount) = (0, 0, 0);
        var leans = new List<double>();
        foreach (var row in rows)
        {
            var shift = plan.Shifts.First(s => s.Unit == row.Unit);
            var construct = row.Construct == "pressure" ? Construct.Pressure : Construct.SpeakUp;
            var post = row.PostWaveIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(DemoRun.WaveNumber).DefaultIfEmpty(plan.Starts[row.Unit]);
            var planted = post.Average(w => DemoPlan.EffectInScalePoints(shift, climates[row.Unit], construct, w));
            var conclusive = row.Estimate is not null && row.CiLow is not null && row.CiHigh is not null;
            var interval = conclusive ? $"{Signed(row.CiLow)} to {Signed(row.CiHigh)}" : "";
            Console.WriteLine($"  {row.Unit,-8} {row.Type,-20} {row.StartWave,-8} {Words(row.Construct),-9} {Signed(planted),7} {(conclusive ? Signed(row.Estimate) : "-"),8}  {interval,-16} {row.Verdict}{(conclusive ? $", {row.PostWaves} wave(s)" : "")}");
            if (!conclusive)
            {
                var effect = EffectRows.ToEffect(row);
                Console.WriteLine($"  {"",-8} {EffectReasonTexts.Why(effect, Language.En)}; {EffectReasonTexts.ConclusiveWhen(effect, Language.En)}");
                continue;
            }

            inside += row.CiLow <= planted && planted <= row.CiHigh ? 1 : 0;

            // How far the estimate lies on the favourable side of the planted effect (pressure down, speak-up up).
            leans.Add(construct == Construct.Pressure ? planted - row.Estimate!.Value : row.Estimate!.Value - planted);
            if (Math.Abs(planted) < 1e-9)
            {
                zeroCount++;
                zeroLabelled += EffectWords.VerdictOf(row.Verdict) is EffectVerdict.Improved or EffectVerdict.Worsened ? 1 : 0;
            }
        }

        var estimated = rows.Count(r => r.Estimate is not null);
        Console.WriteLine($"  The planted effect lies inside the 95% interval in {inside} of {estimated} estimates; of the {zeroCount} with nothing planted,");
        Console.WriteLine($"  {zeroLabelled} came out improved or worsened. Each is one 95% interval, so a miss now and then is expected. On average the");
        Console.WriteLine($"  estimates lie {Signed(leans.DefaultIfEmpty(0).Average())} points on the favourable side of the planted effects ({leans.Count(l => l > 0)} of {leans.Count} favourable).");
        var unmatched = rows.Count(r => r.Reason == nameof(InconclusiveReason.NoComparableChange));
        if (unmatched > 0)
        {
            Console.WriteLine($"  {unmatched} estimate(s) are inconclusive because no untreated unit had a change as large as the flagged spike: the demo");
            Console.WriteLine("  plants spikes only in the units it treats, so what follows such a spike cannot be learnt from untreated units.");
        }

        Console.WriteLine($"Pooled per type (each unit weighted by its precision; a type needs {EffectPooling.MinUnits} units with an estimate to speak of it in general):");
        foreach (var row in stored.Where(r => r.IsPooled && r.Type != plan.Rollout?.Type).OrderBy(r => r.Type, StringComparer.Ordinal).ThenBy(r => r.Construct, StringComparer.Ordinal))
        {
            Console.WriteLine(row.Estimate is null
                ? $"  {row.Type,-20} {Words(row.Construct),-9} inconclusive: {EffectReasonTexts.Why(EffectRows.ToPooled(row), Language.En)}"
                : $"  {row.Type,-20} {Words(row.Construct),-9} {Signed(row.Estimate)} ({Signed(row.CiLow)} to {Signed(row.CiHigh)}) over {row.PostWaves} unit(s): {row.Verdict}{(row.Inconclusive > 0 ? $"; {row.Inconclusive} inconclusive not pooled" : "")}");
        }
    }

    private static string Words(string construct) => construct == "pressure" ? "pressure" : "speak-up";

    private static string Signed(double? value) => value is { } v ? v.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) : "-";
}
