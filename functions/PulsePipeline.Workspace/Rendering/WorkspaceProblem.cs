namespace PulsePipeline.Workspace.Rendering;

/// <summary>The problem pages, each with its status code (WorkspaceProblems.Status).</summary>
public enum WorkspaceProblem
{
    NotSignedIn,
    NoRole,
    EditorsOnly,
    BadForm,
    NotFound,
    UnknownUnit,
    UnknownIntervention,
    UnknownPlan,
    MethodNotAllowed,
    Unavailable,

    /// <summary>400: the request named a host this app does not serve (Pipeline.Access.ServedHosts).</summary>
    UnknownHost,

    /// <summary>413: a POST body larger than any valid form of the workspace (WorkspaceForm.MaxBodyBytes).</summary>
    FormTooLarge,

    /// <summary>400, or 408 when too slow: the body did not arrive in full (cut off, or stalled past the server's minimum rate).</summary>
    FormIncomplete,
}
