namespace PulsePipeline.Lab.Effects;

/// <summary>
/// The simulated world `pulse evaluate-effects` draws histories and interventions from; every parameter is described in
/// docs/EFFECTS.md. Defaults: 1,800 flat units over 24 monthly waves, suppressed below 5 respondents.
/// </summary>
public sealed record EffectWorldSettings
{
    public int Units { get; init; } = 1800;

    public int Waves { get; init; } = 24;

    public int Seed { get; init; } = 1;

    /// <summary>Units with fewer respondents are suppressed (k).</summary>
    public int SuppressBelow { get; init; } = 5;

    public double MedianStaff { get; init; } = 30;

    public double StaffLogSd { get; init; } = 0.9;

    public int MinStaff { get; init; } = 5;

    public int MaxStaff { get; init; } = 200;

    public double MinResponseRate { get; init; } = 0.40;

    public double MaxResponseRate { get; init; } = 0.85;

    /// <summary>Wave-to-wave SD of a unit's response rate around its own.</summary>
    public double ResponseRateSd { get; init; } = 0.05;

    /// <summary>SD of the stable unit offsets (latent points) of pressure and speak-up.</summary>
    public double OffsetSd { get; init; } = 0.3;

    /// <summary>AR(1) drift of true unit levels: persistence per wave and innovation SD.</summary>
    public double DriftPersistence { get; init; } = 0.7;

    public double DriftSd { get; init; } = 0.05;

    /// <summary>The org-wide change: from this wave (0-based; null: the middle) pressure rises and speak-up falls.</summary>
    public int? OrganisationWave { get; init; }

    public double OrganisationChange { get; init; } = 0.15;

    /// <summary>Chance per unit and wave that an adverse shift starts (pressure up, speak-up down or both).</summary>
    public double ShiftHazard { get; init; } = 0.01;

    /// <summary>Mean size of a shift (exponential, so a few are large), clamped to 0.1–<see cref="MaxShiftSize"/> points.</summary>
    public double MeanShiftSize { get; init; } = 0.3;

    public double MaxShiftSize { get; init; } = 1.2;

    /// <summary>Heavy-tailed shifts: this share of shifts has a mean size <see cref="LargeShiftScale"/> times as large.</summary>
    public double LargeShiftShare { get; init; }

    public double LargeShiftScale { get; init; } = 3;

    /// <summary>Heavy-tailed answers: this share of respondents answers with a spread <see cref="ExtremeRespondentScale"/> times as wide (the same variance overall; <see cref="RespondentModel"/>).</summary>
    public double ExtremeRespondentShare { get; init; }

    public double ExtremeRespondentScale { get; init; } = 3;

    /// <summary>Share of a shift that stays, drawn per shift between these bounds; the rest fades.</summary>
    public double MinPermanentShare { get; init; } = 0.2;

    public double MaxPermanentShare { get; init; } = 0.8;

    /// <summary>Share of the fading part left after each wave.</summary>
    public double FadePerWave { get; init; } = 0.5;

    /// <summary>The simulator's flag rule: latest deviation from own recent history ≥ this many SEs (adverse).</summary>
    public double FlagZ { get; init; } = 2.3;

    /// <summary>The first wave (0-based) at which IPIM acts on flags or starts an intervention without one: the waves before it are the history every intervention has.</summary>
    public int FirstTreatmentWave { get; init; }

    /// <summary>IPIM starts an intervention 1 to this many waves after the flag.</summary>
    public int MaxTreatmentDelay { get; init; } = 3;

    /// <summary>Chance that IPIM starts an intervention after a unit's first flag (1–<see cref="MaxTreatmentDelay"/> waves later).</summary>
    public double TreatFlagged { get; init; } = 0.75;

    /// <summary>Chance that a unit flagged again at least 4 waves after its first start gets a second intervention.</summary>
    public double TreatAgain { get; init; } = 0.4;

    /// <summary>Share of units that get an intervention without a flag, at a random wave.</summary>
    public double UnflaggedShare { get; init; } = 0.03;

    /// <summary>Interventions that started before the history begins.</summary>
    public int BeforeHistory { get; init; } = 8;

    public IReadOnlyList<TypeEffect> Types { get; init; } = TypeEffect.Default;

    public int EffectiveOrganisationWave => OrganisationWave ?? Waves / 2;

    public void Validate()
    {
        if (Units < 100 || Waves < 8)
        {
            throw new ArgumentException("an effects world needs at least 100 units and 8 waves");
        }

        if (FirstTreatmentWave < 0 || FirstTreatmentWave > Waves - 2)
        {
            throw new ArgumentException("interventions must be able to start at least two waves before the history ends");
        }
    }
}
