using PulsePipeline.Lab.Effects;

namespace PulsePipeline.Lab.Plans;

/// <summary>
/// The stepped-wedge worlds `pulse evaluate-plans` draws (docs/PLANS.md): the effects world's units, drift, fading shifts
/// and organisation-wide step (<see cref="EffectWorldSimulator"/>, without its own interventions), and rollout plans over
/// units flagged in the waves just before each plan, their cohorts starting one wave apart from the wave after.
/// </summary>
public sealed record PlanWorldSettings
{
    /// <summary>1,500 units over 16 waves; the organisation-wide step at wave 9 falls inside most plans' windows.</summary>
    public EffectWorldSettings World { get; init; } = new()
    {
        Units = 1500,
        Waves = 16,
        OrganisationWave = 9,
        TreatFlagged = 0,
        TreatAgain = 0,
        UnflaggedShare = 0,
        BeforeHistory = 0,
    };

    /// <summary>The waves (0-based) whose flags make the units of each plan of a world eligible; cohort c starts at that wave + 1 + c.</summary>
    public IReadOnlyList<int> PlanWaves { get; init; } = [6, 8, 10];

    /// <summary>A unit flagged in the plan's wave or the one before, and in no earlier plan of the world, is eligible.</summary>
    public int FlagWaves { get; init; } = 2;

    /// <summary>Units the simulated IPIM takes into a plan, at random from the eligible, cycling through these sizes.</summary>
    public IReadOnlyList<int> Sizes { get; init; } = [10, 20, 40];

    public int MinCohorts { get; init; } = 2;

    public int MaxCohorts { get; init; } = 5;

    /// <summary>True effects (improvements, scale points, on both constructs) cycled through; the last scenario is heterogeneous.</summary>
    public IReadOnlyList<double> Effects { get; init; } = [0, 0.15, 0.25];

    /// <summary>The heterogeneous scenario: mean effect, SD between members, and waves to reach full size.</summary>
    public double HeterogeneousMean { get; init; } = 0.15;

    public double HeterogeneousSd { get; init; } = 0.1;

    public int HeterogeneousRamp { get; init; } = 2;

    /// <summary>An improvement every member shows from the wave after its plan's flag wave, whatever its cohort (0: none).</summary>
    public double UnobservedShift { get; init; }

    /// <summary>Whether the heterogeneous scenario is drawn after the constant effects.</summary>
    public bool Heterogeneous { get; init; } = true;

    public int Scenarios => Effects.Count + (Heterogeneous ? 1 : 0);

    public void Validate()
    {
        World.Validate();
        if (PlanWaves.Any(f => f < 4 || f + MaxCohorts >= World.Waves) || MinCohorts < 2 || MaxCohorts < MinCohorts || Sizes.Any(s => s < MaxCohorts))
        {
            throw new ArgumentException("each plan needs 4 waves before its flag wave and room for its cohorts in the history, and at least as many members as cohorts");
        }
    }
}
