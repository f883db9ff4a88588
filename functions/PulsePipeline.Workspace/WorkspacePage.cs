namespace PulsePipeline.Workspace;

/// <summary>What a route shows or does; WorkspaceEndpoint dispatches on it.</summary>
public enum WorkspacePage
{
    Overview,
    Heatmap,
    Search,
    Unit,
    Interventions,
    Catalogue,
    Effects,
    Report,
    Plans,
    PlanNew,
    PlanDraw,
    PlanWithdraw,
    InterventionNew,
    InterventionEdit,
    InterventionEnd,
    Audit,
    SignIn,
    SignOut,
}
