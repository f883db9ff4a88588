using Microsoft.AspNetCore.Http;

namespace PulsePipeline.Pipeline.Survey;

/// <summary>The HTTP status of each <see cref="SurveyProblem"/>.</summary>
public static class SurveyProblems
{
    public static int Status(this SurveyProblem problem) => problem switch
    {
        SurveyProblem.UnknownLink => StatusCodes.Status404NotFound,
        SurveyProblem.WaveClosed => StatusCodes.Status410Gone,
        SurveyProblem.AlreadyAnswered => StatusCodes.Status409Conflict,
        SurveyProblem.TooLarge => StatusCodes.Status413PayloadTooLarge,
        SurveyProblem.UnsupportedContent => StatusCodes.Status415UnsupportedMediaType,
        SurveyProblem.MethodNotAllowed => StatusCodes.Status405MethodNotAllowed,
        SurveyProblem.UnknownHost => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status503ServiceUnavailable,
    };
}
