namespace PulsePipeline.Pipeline.Survey;

/// <summary>What is wrong with one item's answer in a submitted form.</summary>
public enum SurveyFieldError
{
    /// <summary>No answer was given.</summary>
    Missing,

    /// <summary>The value is not one of 1–5, or the item was sent more than once.</summary>
    Invalid,
}
