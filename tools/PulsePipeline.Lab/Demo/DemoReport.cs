using System.Globalization;
using PulsePipeline.Models.Detection;
using PulsePipeline.Models.Publication;
using PulsePipeline.Models.Roster;
using PulsePipeline.Pipeline.Storage.Entities;

namespace PulsePipeline.Lab.Demo;

/// <summary>Prints a published wave as IPIM would first look at it: the top of the tree, and how much was suppressed.</summary>
internal static class DemoReport
{
    public static void PrintPublished(IReadOnlyList<PublishedEntity> rows, int levels)
    {
        var byId = rows.ToDictionary(r => r.Unit, StringComparer.Ordinal);
        int Depth(PublishedEntity r) => r.Parent.Length == 0 ? 0 : 1 + Depth(byId[r.Parent]);
        var suppressed = rows.Count(r => !r.Published);

        Console.WriteLine($"  {"unit",-36} {"n",5} {"rate",5}  {"pressure",-13} {"speak-up",-13}");
        foreach (var row in rows.Where(r => Depth(r) < levels).OrderBy(r => Path(r, byId), StringComparer.Ordinal))
        {
            var name = new string(' ', 2 * Depth(row)) + row.Name;
            name = name.Length > 36 ? name[..35] + "…" : name;
            Console.WriteLine(row.Published
                ? $"  {name,-36} {row.N,5} {Percent(row.ResponseRate),5}  {Figure(row.PressureMean, row.PressureSd),-13} {Figure(row.SpeakUpMean, row.SpeakUpSd),-13}"
                : $"  {name,-36} {Withheld(row.Withheld)}");
        }

        var fewer = rows.Count(r => r.Withheld == nameof(SuppressionReason.FewerThanK));
        var secondary = rows.Count(r => r.Withheld == nameof(SuppressionReason.Secondary));
        Console.WriteLine($"  {suppressed} of {rows.Count} units suppressed ({fewer} with fewer than k respondents, {secondary} to stop subtraction); every published figure rests on at least k respondents.");
    }

    private static string Withheld(string reason) => reason switch
    {
        nameof(SuppressionReason.FewerThanK) => "suppressed: fewer than k respondents",
        nameof(SuppressionReason.Secondary) => "suppressed to stop subtraction (enough respondents)",
        _ => "suppressed (reason not recorded)",
    };

    /// <summary>What the demo plants: each shift and the intervention it gets once flagged, and the rollout plan's spikes.</summary>
    public static void PrintPlanted(DemoPlan plan)
    {
        var rolloutShifts = plan.RolloutShifts.ToList();
        foreach (var shift in plan.Shifts.Except(rolloutShifts))
        {
            Console.WriteLine($"Planted: {shift.Name} ({shift.Unit}), {shift.Kind} {(shift.Waves == 1 ? "in wave" : "from wave")} {shift.OnsetWave}{(shift.Intervention is { } i ? $"; once flagged, IPIM starts {i.Type} there the next wave{(i.HasEffect ? ", with a planted effect" : ", which does nothing")}" : "")}.");
        }

        if (plan.Rollout is { } rollout && rolloutShifts.Count > 0)
        {
            Console.WriteLine($"Planted for one randomised rollout plan: a spike in wave {rolloutShifts[0].OnsetWave} in {rolloutShifts.Count} more departments ({string.Join(", ", rolloutShifts.Select(s => $"{s.Unit} {s.Kind}"))});");
            Console.WriteLine($"  IPIM puts the flagged ones in a plan of {rollout.Type}, in {DemoRollout.Cohorts} cohorts drawn by lot a wave apart, with a planted effect on every member.");
        }

        if (plan.Shifts.Count == 0 || !plan.Shifts.Any(s => s.Intervention is not null))
        {
            Console.WriteLine($"With fewer than {DemoPlan.MinWavesForShifts} waves no shift is planted, and with fewer than {DemoPlan.MinWavesForEffects} no intervention is recorded: the detector and the effect estimator need a history first.");
        }
    }

    /// <summary>Which planted shifts were flagged (in their onset wave or the next) and which flags were false.</summary>
    public static void PrintDetection(DemoPlan plan, IReadOnlyList<DemoWaveResult> results, IReadOnlyList<RosterUnit> units)
    {
        Console.WriteLine("Detection against what was planted:");
        var waveIds = results.Select(r => r.Wave.RowKey).ToList();
        bool FlaggedIn(string unit, int wave) => wave <= results.Count && results[wave - 1].FlaggedUnits.Any(f => f.Unit == unit);
        foreach (var shift in plan.Shifts)
        {
            var found = FlaggedIn(shift.Unit, shift.OnsetWave) ? $"flagged in its onset wave {waveIds[shift.OnsetWave - 1]}"
                : FlaggedIn(shift.Unit, shift.OnsetWave + 1) ? $"flagged in the wave after onset, {waveIds[shift.OnsetWave]}"
                : "not flagged in its onset wave or the next";
            var anyLater = Enumerable.Range(shift.OnsetWave, results.Count - shift.OnsetWave + 1).Any(w => FlaggedIn(shift.Unit, w));
            Console.WriteLine(shift.IsImprovement
                ? $"  {shift.Name}: improvement from wave {shift.OnsetWave}: {(anyLater ? "FLAGGED (an improvement must never be)" : "not flagged, as it should be")}"
                : $"  {shift.Name}: {shift.Kind} {(shift.Waves == 1 ? "in" : "from")} wave {shift.OnsetWave}: {found}");
        }

        var parents = units.ToDictionary(u => u.Id, u => u.Parent, StringComparer.Ordinal);
        var ancestors = plan.Shifts.Where(s => !s.IsImprovement).SelectMany(s => Ancestors(s.Unit, parents)).ToHashSet(StringComparer.Ordinal);
        var planted = plan.Shifts.Where(s => !s.IsImprovement).Select(s => s.Unit).ToHashSet(StringComparer.Ordinal);
        var other = results.SelectMany(r => r.FlaggedUnits.Where(f => !planted.Contains(f.Unit)).Select(f => (r.Wave.RowKey, f.Unit))).ToList();
        var viaChild = other.Count(o => ancestors.Contains(o.Item2));
        var falseFlags = other.Where(o => !ancestors.Contains(o.Item2)).ToList();
        var scored = results.Sum(r => r.Flags.Count(f => f.Status == nameof(UnitFlagStatus.Scored)));
        Console.WriteLine($"  other flags: {viaChild} on units that contain a planted unit (their figures include it), {falseFlags.Count} false ({(double)falseFlags.Count / Math.Max(1, scored):P1} of {scored} scored unit-waves){(falseFlags.Count > 0 ? ": " + string.Join(", ", falseFlags.Select(f => $"{f.Item2} in {f.Item1}")) : "")}");
    }

    private static IEnumerable<string> Ancestors(string unit, Dictionary<string, string?> parents)
    {
        for (var at = parents[unit]; at is not null; at = parents[at])
        {
            yield return at;
        }
    }

    private static string Path(PublishedEntity row, Dictionary<string, PublishedEntity> byId) =>
        row.Parent.Length == 0 ? row.Unit : Path(byId[row.Parent], byId) + "/" + row.Unit;

    private static string Percent(double? rate) => rate is { } r ? r.ToString("P0", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal) : "-";

    private static string Figure(double? mean, double? sd) =>
        mean is { } m ? string.Create(CultureInfo.InvariantCulture, $"{m:0.00} sd {sd ?? 0:0.00}") : "-";
}
