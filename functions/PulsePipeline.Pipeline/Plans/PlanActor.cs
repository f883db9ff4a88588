namespace PulsePipeline.Pipeline.Plans;

/// <summary>
/// Who changes a plan: a stable id (the Entra object id, "dev:" and a name locally, "cli:" and a name on the command
/// line) and the name the audit shows (never an email address).
/// </summary>
public sealed record PlanActor(string Id, string Name);
