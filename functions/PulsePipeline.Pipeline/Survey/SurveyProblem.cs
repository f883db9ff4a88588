namespace PulsePipeline.Pipeline.Survey;

/// <summary>Why a survey request gets a page other than the form or the thank-you page, each with its own status.</summary>
public enum SurveyProblem
{
    /// <summary>404: not a token, or no token row (never issued, or deleted after publication).</summary>
    UnknownLink,

    /// <summary>410: the token's wave is closed or past its closing time.</summary>
    WaveClosed,

    /// <summary>409: the token was used.</summary>
    AlreadyAnswered,

    /// <summary>413: the body is larger than any real answer set.</summary>
    TooLarge,

    /// <summary>415: the body is not application/x-www-form-urlencoded (UTF-8).</summary>
    UnsupportedContent,

    /// <summary>405: a method other than GET, HEAD or POST.</summary>
    MethodNotAllowed,

    /// <summary>400: the request named a host this app does not serve (Pipeline.Access.ServedHosts); nothing was read.</summary>
    UnknownHost,

    /// <summary>503: storage failed; nothing was enqueued or marked, so the same link can be tried again.</summary>
    Unavailable,
}
