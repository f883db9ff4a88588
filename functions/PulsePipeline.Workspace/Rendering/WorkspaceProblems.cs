using Microsoft.AspNetCore.Http;
using PulsePipeline.Workspace.Access;

namespace PulsePipeline.Workspace.Rendering;

/// <summary>The status code of each problem page.</summary>
public static class WorkspaceProblems
{
    public static int Status(this WorkspaceProblem problem) => problem switch
    {
        WorkspaceProblem.NotSignedIn => StatusCodes.Status401Unauthorized,
        WorkspaceProblem.NoRole or WorkspaceProblem.EditorsOnly => StatusCodes.Status403Forbidden,
        WorkspaceProblem.BadForm or WorkspaceProblem.UnknownHost or WorkspaceProblem.FormIncomplete => StatusCodes.Status400BadRequest,
        WorkspaceProblem.FormTooLarge => StatusCodes.Status413PayloadTooLarge,
        WorkspaceProblem.NotFound or WorkspaceProblem.UnknownUnit or WorkspaceProblem.UnknownIntervention or WorkspaceProblem.UnknownPlan => StatusCodes.Status404NotFound,
        WorkspaceProblem.MethodNotAllowed => StatusCodes.Status405MethodNotAllowed,
        _ => StatusCodes.Status503ServiceUnavailable,
    };

    /// <summary>
    /// A refused sign-in: 503 where the workspace cannot be offered at all (the platform's authentication or
    /// PULSE_DEV_SIGNIN is off), 403 for a request from another machine.
    /// </summary>
    public static int Status(this SignInRefusal refusal) =>
        refusal == SignInRefusal.NotLoopback ? StatusCodes.Status403Forbidden : StatusCodes.Status503ServiceUnavailable;
}
