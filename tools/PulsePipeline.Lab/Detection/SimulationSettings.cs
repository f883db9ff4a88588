namespace PulsePipeline.Lab.Detection;

/// <summary>
/// The world a simulated history is drawn from. Defaults are the full-size evaluation: about 1,500 flat units, most of
/// them small, over 24 waves, calibrated to the 2018 panel rates (see <see cref="HistorySimulator"/>).
/// </summary>
public sealed record SimulationSettings
{
    public int Units { get; init; } = 1500;

    public int Waves { get; init; } = 24;

    public int Seed { get; init; } = 1;

    /// <summary>Units that get a persistent adverse shift (pressure up, speak-up down or both) from an onset wave.</summary>
    public double ShiftedFraction { get; init; } = 0.12;

    /// <summary>Units that get a persistent improvement of the same sizes.</summary>
    public double ImprovedFraction { get; init; } = 0.05;

    /// <summary>Units whose response rate falls to 40% of its level from some wave on, with no change in what they answer.</summary>
    public double ParticipationDropFraction { get; init; } = 0.05;

    /// <summary>Units that only appear part-way (new or reorganised units).</summary>
    public double LateStartFraction { get; init; } = 0.05;

    /// <summary>Unit-waves missing from the history altogether.</summary>
    public double MissingRowFraction { get; init; } = 0.01;

    /// <summary>Planted sizes on the 1–5 scale, used in turn; empty to draw sizes uniformly from the range below.</summary>
    public IReadOnlyList<double> ShiftSizes { get; init; } = [0.3, 0.5, 0.8];

    public double MinShiftSize { get; init; } = 0.2;

    public double MaxShiftSize { get; init; } = 1.0;

    /// <summary>The wave (0-based) from which the whole organisation shifts; null for the middle wave.</summary>
    public int? OrganisationWave { get; init; }

    /// <summary>Organisation-wide rise of pressure from <see cref="OrganisationWave"/> on (latent scale points).</summary>
    public double OrganisationPressureRise { get; init; } = 0.3;

    /// <summary>Organisation-wide fall of speak-up safety from <see cref="OrganisationWave"/> on.</summary>
    public double OrganisationSpeakUpFall { get; init; } = 0.3;

    /// <summary>Units with fewer respondents are published as suppressed. 3 is the smallest k the pipeline allows: the noisiest case.</summary>
    public int SuppressBelow { get; init; } = 3;

    /// <summary>The first wave a shift may start in, so that every planted unit has a history to compare with.</summary>
    public int FirstOnsetWave { get; init; } = 4;

    public int EffectiveOrganisationWave => OrganisationWave ?? Waves / 2;

    public void Validate()
    {
        if (Units < 20 || Waves < FirstOnsetWave + 3)
        {
            throw new ArgumentException($"a simulation needs at least 20 units and {FirstOnsetWave + 3} waves");
        }

        if (ShiftedFraction + ImprovedFraction + ParticipationDropFraction + LateStartFraction > 1)
        {
            throw new ArgumentException("the planted fractions add up to more than all units");
        }
    }
}
