using PulsePipeline.Models.Detection;

namespace PulsePipeline.Lab.Detection;

/// <summary>
/// How one detector did on a simulated history. A shift is found when flagged in its onset wave or the next.
/// Improvement flag rate is over the onset and next wave of planted improvements, comparable with the false-alarm rate;
/// a flag there that cites adverse evidence in the construct that improved would be flagging the improvement itself.
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
    int ImprovementsFlaggedOnImprovedConstruct,
    IReadOnlyList<RecallCell> Recall)
{
    public double FalseAlarmRate => Rate(FalseAlarms, UnchangedUnitWaves);

    public double OrganisationWaveFalseAlarmRate => Rate(OrganisationWaveFalseAlarms, OrganisationWaveUnits);

    public double ImprovementFlagRate => Rate(ImprovementsFlagged, ImprovementUnitWaves);

    /// <summary>
    /// How likely it is to see this many flagged improvement unit-waves if improvements were flagged exactly as often
    /// as unchanged unit-waves (one-sided exact binomial test). Small means improvements are flagged more often.
    /// </summary>
    public double ImprovementExcessP => DetectionMath.BinomialUpperTail(ImprovementsFlagged, ImprovementUnitWaves, FalseAlarmRate);

    public RecallCell Overall => Recall.Single(r => r.Dimension == "all");

    private static double Rate(int k, int n) => n == 0 ? 0 : (double)k / n;
}
