using System.Globalization;
using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Lab.Detection;

/// <summary>Decides each simulated unit's size and what is planted in it, from the seeded random source.</summary>
internal static class UnitPlanner
{
    private const double MedianStaff = 40, StaffLogSd = 0.9;

    private static readonly IReadOnlyList<Construct>[] Targets = [[Construct.Pressure], [Construct.SpeakUp], [Construct.Pressure, Construct.SpeakUp]];

    public static List<UnitPlan> Plan(SimulationSettings settings, SimulationRandom random)
    {
        var order = Enumerable.Range(0, settings.Units).ToList();
        random.Shuffle(order);
        var shifted = (int)Math.Round(settings.Units * settings.ShiftedFraction);
        var improved = (int)Math.Round(settings.Units * settings.ImprovedFraction);
        var dropped = (int)Math.Round(settings.Units * settings.ParticipationDropFraction);
        var late = (int)Math.Round(settings.Units * settings.LateStartFraction);
        var role = new int[settings.Units];
        var rank = new int[settings.Units];
        for (var i = 0; i < order.Count; i++)
        {
            var u = order[i];
            (role[u], rank[u]) = i < shifted ? (1, i)
                : i < shifted + improved ? (2, i - shifted)
                : i < shifted + improved + dropped ? (3, i - shifted - improved)
                : i < shifted + improved + dropped + late ? (4, 0)
                : (0, 0);
        }

        var plans = new List<UnitPlan>(settings.Units);
        for (var u = 0; u < settings.Units; u++)
        {
            var id = "u" + (u + 1).ToString("D4", CultureInfo.InvariantCulture);
            var staff = (int)Math.Clamp(Math.Round(MedianStaff * Math.Exp(StaffLogSd * random.Normal())), 5, 600);
            var rate = random.Uniform(0.2, 0.6);
            var (pOffset, sOffset) = HistorySimulator.DrawOffsets(random);
            var start = role[u] == 4 ? random.Next(1, settings.Waves / 2 + 1) : 0;
            var e = role[u] switch
            {
                1 => Event(id, PlantedKind.Shift, rank[u], settings, random),
                2 => Event(id, PlantedKind.Improvement, rank[u], settings, random),
                3 => new PlantedEvent(id, PlantedKind.ParticipationDrop, [], 0, Onset(settings, random)),
                _ => null,
            };
            var (pShift, sShift) = e is { Kind: not PlantedKind.ParticipationDrop } ? HistorySimulator.LatentShifts(pOffset, sOffset, e) : (0, 0);
            plans.Add(new UnitPlan(id, staff, rate, pOffset, sOffset, start, e, pShift, sShift));
        }

        return plans;
    }

    /// <summary>Sizes and targets are dealt in turn, so every size meets every target about equally often.</summary>
    private static PlantedEvent Event(string id, PlantedKind kind, int rank, SimulationSettings settings, SimulationRandom random)
    {
        var sizes = settings.ShiftSizes;
        var size = sizes.Count > 0 ? sizes[rank % sizes.Count] : random.Uniform(settings.MinShiftSize, settings.MaxShiftSize);
        var target = Targets[sizes.Count > 0 ? rank / sizes.Count % Targets.Length : rank % Targets.Length];
        return new PlantedEvent(id, kind, target, size, Onset(settings, random));
    }

    /// <summary>
    /// Onsets leave the wave after them inside the history (so "found in its onset wave or the next" can be judged) and
    /// avoid the organisation-wide wave, so a unit's own shift is not confounded with it.
    /// </summary>
    private static int Onset(SimulationSettings settings, SimulationRandom random)
    {
        while (true)
        {
            var onset = random.Next(settings.FirstOnsetWave, settings.Waves - 1);
            if (onset != settings.EffectiveOrganisationWave)
            {
                return onset;
            }
        }
    }
}
