namespace PulsePipeline.Models.Detection.Simulation;

/// <summary>
/// How one detector did on a simulated history. A shift is found when flagged in its onset wave or the next.
/// Improvement flag rate is over the onset and next wave of planted improvements, comparable with the false-alarm rate.
/// </summary>
public sealed record DetectorPerformance(
    string Name,
    string Threshold,
    int UnchangedUnitWaves,
    int FalseAlarms,
    int OrganisationWaveUnits,
    int OrganisationWaveFalseAlarms,
    int ImprovementUnitWaves,
    int ImprovementsFlagged,
    IReadOnlyList<RecallCell> Recall)
{
    public double FalseAlarmRate => Rate(FalseAlarms, UnchangedUnitWaves);

    public double OrganisationWaveFalseAlarmRate => Rate(OrganisationWaveFalseAlarms, OrganisationWaveUnits);

    public double ImprovementFlagRate => Rate(ImprovementsFlagged, ImprovementUnitWaves);

    public RecallCell Overall => Recall.Single(r => r.Dimension == "all");

    private static double Rate(int k, int n) => n == 0 ? 0 : (double)k / n;
}
