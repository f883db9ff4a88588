using System.Globalization;
using PulsePipeline.Models.Effects;
using PulsePipeline.Models.Effects.Plans;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Plans;
using PulsePipeline.Pipeline.Effects;
using PulsePipeline.Pipeline.Storage.Entities;

namespace PulsePipeline.Lab.Demo;

/// <summary>
/// The rollout plan's result as the pipeline stored it (read back, not recomputed), against what was planted: per
/// construct the plan's design-based estimate with its interval and verdict, beside the observational pooled estimate
/// of the same units (the plan's type is given to no other unit, so its pooled row is the members'). The planted value
/// of the plan row is its estimand: over the members counted (started while others had not, published in the window),
/// the mean of each one's planted effect over its window waves; that of the pooled row, the mean over the pooled units
/// of each one's planted effect over its own post waves.
/// </summary>
internal static class DemoRolloutReport
{
    /// <param name="published">Whether a unit was published in a wave (1-based).</param>
    public static IReadOnlyList<string> Lines(DemoPlan plan, RolloutPlan drawn, IReadOnlyList<PlanEffect> effects, IReadOnlyList<EffectEntity> stored, IReadOnlyDictionary<string, double> climates, Func<string, int, bool> published, string asOfWave)
    {
        var lines = new List<string>
        {
            $"Rollout plan {drawn.Id} ({drawn.Type}, {plan.PlanStarts.Count} members drawn by lot into {drawn.Cohorts} cohorts from {drawn.StartWaves[0]}), as the pipeline stored it for wave {asOfWave}.",
            $"  {PlanWords.WhyRandomised(Language.En)}",
            $"  {"",-22} {"construct",-9} {"planted",7} {"estimate",8}  {"95% interval",-16} verdict",
        };
        var members = plan.PlanStarts.Keys.ToHashSet(StringComparer.Ordinal);
        var lastStart = plan.PlanStarts.Values.DefaultIfEmpty(0).Max();
        foreach (var effect in effects.Where(e => e.Plan == drawn.Id))
        {
            var windows = plan.PlanStarts.Where(m => m.Value < lastStart)
                .Select(m => effect.Window.Select(DemoRun.WaveNumber).Where(w => w >= m.Value && published(m.Key, w)).Select(w => (m.Key, Wave: w)).ToList())
                .Where(w => w.Count > 0).ToList();
            var planted = windows.Select(w => w.Average(x => plan.PlanEffectInScalePoints(x.Key, climates[x.Key], effect.Construct, x.Wave))).DefaultIfEmpty(0).Average();
            var window = effect.Window.Count == 0 ? "no window wave yet" : $"window {string.Join(", ", effect.Window)}{(effect.WindowClosed ? ", closed" : ", open")}";
            lines.Add($"  {"plan (randomised)",-22} {Words(effect.Construct),-9} {Signed(planted),7} {Signed(effect.Estimate),8}  {Interval(effect.CiLow, effect.CiHigh),-16} {EffectWords.Id(effect.Verdict)}; {effect.Members} members counted, {window}");
            if (!effect.IsConclusive)
            {
                lines.Add($"  {"",-22} {PlanWords.Why(effect.Reason, Language.En)}");
            }

            if (windows.Count != effect.Members)
            {
                lines.Add($"  {"",-22} (the planted value is over {windows.Count} members, the estimate over {effect.Members}: it has no baseline for some)");
            }

            lines.Add(Pooled(plan, drawn.Type, effect.Construct, members, stored, climates));
        }

        var own = stored.Where(r => !r.IsPooled && members.Contains(r.Unit)).ToList();
        var unmatched = own.Count(r => r.Reason == nameof(InconclusiveReason.NoComparableChange));
        if (unmatched > 0)
        {
            lines.Add($"  {unmatched} of the members' {own.Count} own (observational) estimates are inconclusive: no untreated unit had a change as large as");
            lines.Add("  the spike they were flagged for, so what follows it cannot be learnt from untreated units, and the pooled row leaves");
            lines.Add("  them out. The plan needs no such model: it counts every member that started while others had not.");
        }

        return lines;
    }

    public static void Print(DemoPlan plan, RolloutPlan drawn, IReadOnlyList<PlanEffect> effects, IReadOnlyList<EffectEntity> stored, IReadOnlyDictionary<string, double> climates, Func<string, int, bool> published, string asOfWave)
    {
        foreach (var line in Lines(plan, drawn, effects, stored, climates, published, asOfWave))
        {
            Console.WriteLine(line);
        }

        Console.WriteLine("  The observational row needs a model of what each unit would have done without the intervention; the plan row");
        Console.WriteLine("  needs none. Each is one 95% interval, so a miss now and then is expected.");
    }

    /// <summary>The observational pooled row of the plan's type for one construct, with the planted mean of the units it pools.</summary>
    private static string Pooled(DemoPlan plan, string type, Construct construct, HashSet<string> members, IReadOnlyList<EffectEntity> stored, IReadOnlyDictionary<string, double> climates)
    {
        var label = "observational, pooled";
        if (stored.FirstOrDefault(r => r.IsPooled && r.Type == type && r.Construct == EffectWords.Id(construct)) is not { } pooled)
        {
            return $"  {label,-22} {Words(construct),-9} none stored: no member had a published wave after its start";
        }

        var units = stored.Where(r => !r.IsPooled && members.Contains(r.Unit) && r.Construct == pooled.Construct && r.Estimate is not null && r.CiLow is not null).ToList();
        double? planted = units.Count == 0 ? null : units.Average(r => r.PostWaveIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(DemoRun.WaveNumber).Average(w => plan.PlanEffectInScalePoints(r.Unit, climates[r.Unit], construct, w)));
        return pooled.Estimate is null
            ? $"  {label,-22} {Words(construct),-9} {Signed(planted),7} {"-",8}  {"",-16} inconclusive: {EffectReasonTexts.Why(EffectRows.ToPooled(pooled), Language.En)}"
            : $"  {label,-22} {Words(construct),-9} {Signed(planted),7} {Signed(pooled.Estimate),8}  {Interval(pooled.CiLow, pooled.CiHigh),-16} {pooled.Verdict}; over {pooled.PostWaves} of {members.Count} members' own estimates";
    }

    private static string Interval(double? low, double? high) => low is null || high is null ? "" : $"{Signed(low)} to {Signed(high)}";

    private static string Words(Construct construct) => construct == Construct.Pressure ? "pressure" : "speak-up";

    private static string Signed(double? value) => value is { } v ? v.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) : "-";
}
