namespace PulsePipeline.Pipeline.Survey;

/// <summary>
/// A parsed survey form: the valid answers (item id → 1..5), what is wrong with the other items, and whether
/// fields the instrument does not have were sent. Only a result without errors may be enqueued.
/// </summary>
public sealed record SurveyFormResult(
    IReadOnlyDictionary<string, int> Answers,
    IReadOnlyDictionary<string, SurveyFieldError> Errors,
    bool UnexpectedFields)
{
    public bool IsValid => Errors.Count == 0 && !UnexpectedFields;

    /// <summary>The state of a form that has not been submitted yet.</summary>
    public static SurveyFormResult Empty { get; } = new(new Dictionary<string, int>(), new Dictionary<string, SurveyFieldError>(), false);
}
