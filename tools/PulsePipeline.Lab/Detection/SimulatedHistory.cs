using PulsePipeline.Models.Detection;

namespace PulsePipeline.Lab.Detection;

/// <summary>
/// A simulated published history with its ground truth: what was planted where, the organisation-wide wave, each unit's
/// expected number of respondents, and the share of respondents agreeing with the two 2018 reference items.
/// </summary>
public sealed record SimulatedHistory(
    SimulationSettings Settings,
    IReadOnlyList<string> Waves,
    IReadOnlyList<HistoryRow> Rows,
    IReadOnlyList<PlantedEvent> Events,
    IReadOnlyDictionary<string, double> ExpectedN,
    double SharePressured,
    double ShareInhibited)
{
    public int OrganisationWave => Settings.EffectiveOrganisationWave;
}
