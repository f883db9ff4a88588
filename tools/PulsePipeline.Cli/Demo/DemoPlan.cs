using PulsePipeline.Models.Roster;

namespace PulsePipeline.Cli.Demo;

/// <summary>
/// What the demo's waves look like: a few departments (30 or more employees, so a shift can be told from noise)
/// get a planted shift from wave 4 or 5 on, one improves; the first three waves are quiet so every unit has a
/// history to be compared with.
/// </summary>
internal sealed class DemoPlan
{
    private DemoPlan(IReadOnlyList<PlantedShift> shifts) => Shifts = shifts;

    public IReadOnlyList<PlantedShift> Shifts { get; }

    public static DemoPlan For(IReadOnlyList<RosterUnit> units, IReadOnlyList<RosterEmployee> staff, int waves)
    {
        if (waves < 6)
        {
            return new DemoPlan([]);
        }

        var sizes = staff.GroupBy(e => e.Unit).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var candidates = units.Where(u => u.Id.StartsWith("afd", StringComparison.Ordinal) && sizes.GetValueOrDefault(u.Id) >= 30)
            .OrderByDescending(u => sizes[u.Id]).ThenBy(u => u.Id, StringComparer.Ordinal).ToList();
        (int Onset, double Pressure, double SpeakUp)[] kinds = [(4, 1.0, 0), (4, 0, 1.0), (5, 0.8, 0.8), (5, 0.9, 0), (4, -1.0, -1.0)];
        return new DemoPlan(candidates.Take(kinds.Length).Select((u, i) => new PlantedShift(u.Id, u.Name, kinds[i].Onset, kinds[i].Pressure, kinds[i].SpeakUp)).ToList());
    }

    /// <summary>A unit's (pressure, speak-up) climate step in a wave (1-based) from the planted shifts.</summary>
    public (double Pressure, double SpeakUp) StepIn(string unit, int wave) =>
        Shifts.FirstOrDefault(s => s.Unit == unit && wave >= s.OnsetWave) is { } s ? (s.Pressure, s.SpeakUp) : (0, 0);
}
