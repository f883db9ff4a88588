namespace PulsePipeline.Models.Instrument;

/// <summary>
/// One 5-point agreement item (1 = strongly disagree … 5 = strongly agree). A reverse-coded item is worded
/// against its construct, so its answer counts as 6 − answer in the construct score.
/// </summary>
public sealed record SurveyItem(string Id, Construct Construct, bool ReverseCoded, LocalizedText Text)
{
    public const int MinAnswer = 1;
    public const int MaxAnswer = 5;

    /// <summary>The answer as it counts towards the construct score.</summary>
    public int Scored(int answer) => ReverseCoded ? MinAnswer + MaxAnswer - answer : answer;
}
