using PulsePipeline.Lab.Simulation;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Interventions;
using PulsePipeline.Models.Roster;

namespace PulsePipeline.Lab.Demo;

/// <summary>
/// What the demo's waves look like: a few departments (30 or more employees, so a shift can be told from noise) get a
/// planted shift, one improves; the waves before are quiet so every unit has a history to be compared with. With
/// enough waves (<see cref="MinWavesForEffects"/>) the shifts come later, and each flagged one gets an intervention
/// from the next wave on whose effect is planted too: two types that help and one that does nothing, two units each.
/// A further set of departments gets a spike on one construct for one randomised rollout plan (<see cref="DemoRollout"/>): once
/// they are flagged, IPIM puts the flagged ones in a plan whose intervention (<see cref="Rollout"/>) helps every member
/// from its drawn start wave on.
/// </summary>
/// <remarks>
/// With effects, the adverse shifts last one wave (a spike, say a reorganisation deadline) and the unit would return to
/// its usual level by itself. That is on purpose: the estimator learns what a unit would have done from untreated units
/// with a similar history, and in the demo no untreated unit has a real shift, only noise, which reverts. A shift that
/// persists would therefore be taken for a worsening caused by the intervention (measured: a zero-effect type came out
/// "worsened" by about the shift's size). Real organisations have flagged units that are not treated; the demo does not.
/// </remarks>
internal sealed class DemoPlan
{
    /// <summary>Below this, no shift is planted: the detector needs a history first.</summary>
    public const int MinWavesForShifts = 6;

    /// <summary>
    /// The onset of the shifts when effects are shown. An intervention then starts the wave after, and the estimator
    /// compares it with every untreated unit at every earlier start that had 3 waves before it and the same window
    /// after: a start in wave s gives s − 3 such windows per unit, and with the default organisation's 80 or so
    /// comparison units only a start in wave 8 or later reaches the 300 windows an honest interval needs.
    /// </summary>
    public const int EffectsOnset = 7;

    /// <summary>Waves needed for an intervention to have one wave after its start.</summary>
    public const int MinWavesForEffects = EffectsOnset + 1;

    /// <summary>Staff of a shifted department's parent outside it, so it is not suppressed to protect them.</summary>
    private const int MinRestOfParent = 12;

    private static readonly (int Onset, double Pressure, double SpeakUp, PlantedIntervention? Intervention)[] ShiftsOnly =
        [(4, 1.0, 0, null), (4, 0, 1.0, null), (5, 0.8, 0.8, null), (5, 0.9, 0, null), (4, -1.0, -1.0, null)];

    // Moral deliberation takes most of the pressure away, leadership coaching restores speak-up safety, and making the
    // reporting routes known is given no effect at all; each in two units, so that each type can be pooled.
    private static readonly (int Onset, double Pressure, double SpeakUp, PlantedIntervention? Intervention)[] WithEffects =
    [
        (EffectsOnset, 0.9, 0, new(InterventionTypes.MoralDeliberation, -0.8, -0.3)),
        (EffectsOnset, 0, 0.9, new(InterventionTypes.LeadershipCoaching, 0, -0.8)),
        (EffectsOnset, 0.9, 0, new(InterventionTypes.ReportingRoutes, 0, 0)),
        (EffectsOnset, 0.8, 0.8, new(InterventionTypes.MoralDeliberation, -0.8, -0.3)),
        (EffectsOnset, 0.8, 0.8, new(InterventionTypes.LeadershipCoaching, 0, -0.8)),
        (EffectsOnset, 0, 0.9, new(InterventionTypes.ReportingRoutes, 0, 0)),
        (EffectsOnset, -1.0, -1.0, null),
    ];

    /// <summary>The rollout plan's intervention: a type no single intervention uses, so its pooled row is the plan's units'.</summary>
    private static readonly PlantedIntervention RolloutIntervention = new(InterventionTypes.GoodConversation, -0.8, -0.8);

    /// <summary>Departments spiked for the rollout plan (after those of <see cref="WithEffects"/>): enough for two cohorts a randomisation test can tell apart.</summary>
    public const int RolloutUnits = 12;

    private DemoPlan(IReadOnlyList<PlantedShift> shifts, IReadOnlyDictionary<string, int> starts, PlantedIntervention? rollout = null, IReadOnlyDictionary<string, int>? planStarts = null)
    {
        Shifts = shifts;
        Starts = starts;
        Rollout = rollout;
        PlanStarts = planStarts ?? new Dictionary<string, int>(StringComparer.Ordinal);
    }

    public IReadOnlyList<PlantedShift> Shifts { get; }

    /// <summary>The wave (1-based) each unit's planted intervention starts in, once it has been recorded.</summary>
    public IReadOnlyDictionary<string, int> Starts { get; }

    /// <summary>The rollout plan's intervention and its effect on every member, or null without effects.</summary>
    public PlantedIntervention? Rollout { get; }

    /// <summary>The wave (1-based) each member of the drawn rollout plan starts in, once drawn.</summary>
    public IReadOnlyDictionary<string, int> PlanStarts { get; }

    /// <summary>The shifts planted for the rollout plan: the spikes with neither an intervention of their own nor an improvement.</summary>
    public IEnumerable<PlantedShift> RolloutShifts => Rollout is null ? [] : Shifts.Where(s => s.Intervention is null && !s.IsImprovement);

    public static DemoPlan For(IReadOnlyList<RosterUnit> units, IReadOnlyList<RosterEmployee> staff, int waves)
    {
        if (waves < MinWavesForShifts)
        {
            return new DemoPlan([], new Dictionary<string, int>());
        }

        var effects = waves >= MinWavesForEffects;

        var sizes = staff.GroupBy(e => e.Unit).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        // A department that is nearly all of its parent is suppressed (the rest could be had by subtraction): no history.
        int Subtree(string id) => sizes.GetValueOrDefault(id) + units.Where(u => u.Parent == id).Sum(u => Subtree(u.Id));
        var candidates = units.Where(u => u.Id.StartsWith("afd", StringComparison.Ordinal) && sizes.GetValueOrDefault(u.Id) >= 30
                && (u.Parent is null || Subtree(u.Parent) - sizes[u.Id] >= MinRestOfParent))
            .OrderByDescending(u => sizes[u.Id]).ThenBy(u => u.Id, StringComparer.Ordinal).ToList();
        var kinds = effects ? WithEffects : ShiftsOnly;
        var shifts = candidates.Take(kinds.Length).Select((u, i) => new PlantedShift(u.Id, u.Name, kinds[i].Onset, kinds[i].Pressure, kinds[i].SpeakUp, kinds[i].Intervention is null ? null : 1, kinds[i].Intervention)).ToList();
        if (effects)
        {
            // Half spike on pressure, half on speak-up: on the construct without a spike a member's own observational
            // estimate can be conclusive, so the pooled row beside the plan's has units to pool.
            shifts.AddRange(candidates.Skip(kinds.Length).Take(RolloutUnits).Select((u, i) => new PlantedShift(u.Id, u.Name, EffectsOnset, i % 2 == 0 ? 0.9 : 0, i % 2 == 0 ? 0 : 0.9, 1)));
        }

        return new DemoPlan(shifts, new Dictionary<string, int>(StringComparer.Ordinal), effects ? RolloutIntervention : null);
    }

    /// <summary>This plan with <paramref name="unit"/>'s planted intervention starting in <paramref name="wave"/>.</summary>
    public DemoPlan WithStart(string unit, int wave)
    {
        if (Shifts.FirstOrDefault(s => s.Unit == unit)?.Intervention is null)
        {
            throw new ArgumentException($"no intervention is planted in unit {unit}", nameof(unit));
        }

        return new DemoPlan(Shifts, new Dictionary<string, int>(Starts, StringComparer.Ordinal) { [unit] = wave }, Rollout, PlanStarts);
    }

    /// <summary>This plan with <paramref name="unit"/> drawn into the rollout plan, starting in <paramref name="wave"/>: any unit the plan takes, shifted or not.</summary>
    public DemoPlan WithPlanStart(string unit, int wave)
    {
        if (Rollout is null || Starts.ContainsKey(unit))
        {
            throw new ArgumentException($"no rollout plan is planted, or unit {unit} has an intervention of its own", nameof(unit));
        }

        return new DemoPlan(Shifts, Starts, Rollout, new Dictionary<string, int>(PlanStarts, StringComparer.Ordinal) { [unit] = wave });
    }

    /// <summary>A unit's (pressure, speak-up) climate step in a wave (1-based): its shift from the onset, plus its intervention's effect from the start.</summary>
    public (double Pressure, double SpeakUp) StepIn(string unit, int wave)
    {
        var shift = Shifts.FirstOrDefault(s => s.Unit == unit);
        var (pressure, speakUp) = shift is not null && shift.ActiveIn(wave) ? (shift.Pressure, shift.SpeakUp) : (0.0, 0.0);
        var intervention = shift?.Intervention is { } own && Starts.TryGetValue(unit, out var start) && wave >= start ? own
            : Rollout is { } rollout && PlanStarts.TryGetValue(unit, out var drawn) && wave >= drawn ? rollout
            : null;
        return intervention is null ? (pressure, speakUp) : (pressure + intervention.Pressure, speakUp + intervention.SpeakUp);
    }

    /// <summary>
    /// The rollout plan's planted effect on a member in a wave, in scale points as the plan estimator reports it: the
    /// expected score with the plan's step minus without it, at the unit's climate and its shift in that wave.
    /// </summary>
    public double PlanEffectInScalePoints(string unit, double unitClimate, Construct construct, int wave)
    {
        var rollout = Rollout ?? throw new InvalidOperationException("no rollout plan is planted");
        var shift = Shifts.FirstOrDefault(s => s.Unit == unit) ?? new PlantedShift(unit, unit, int.MaxValue, 0, 0);
        return EffectInScalePoints(shift with { Intervention = rollout }, unitClimate, construct, wave);
    }

    /// <summary>
    /// The planted effect in a wave in scale points as the estimator reports it (observed minus what the unit would have
    /// had without the intervention): the expected score with the intervention's step minus without it, at the unit's
    /// own climate and its shift in that wave. Negative on pressure and positive on speak-up is an improvement.
    /// </summary>
    public static double EffectInScalePoints(PlantedShift shift, double unitClimate, Construct construct, int wave)
    {
        ArgumentNullException.ThrowIfNull(shift);
        if (shift.Intervention is not { } i)
        {
            return 0;
        }

        var active = shift.ActiveIn(wave);
        var (pressure, speakUp) = (unitClimate + (active ? shift.Pressure : 0), unitClimate + (active ? shift.SpeakUp : 0));
        return SimulatedRespondents.ExpectedScore(Instruments.Current, construct, pressure + i.Pressure, speakUp + i.SpeakUp)
            - SimulatedRespondents.ExpectedScore(Instruments.Current, construct, pressure, speakUp);
    }
}
