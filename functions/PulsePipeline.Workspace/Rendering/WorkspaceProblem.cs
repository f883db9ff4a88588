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
    MethodNotAllowed,
    Unavailable,
}
