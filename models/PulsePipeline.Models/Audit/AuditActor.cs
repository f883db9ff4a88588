namespace PulsePipeline.Models.Audit;

/// <summary>
/// Who an audit row names: the principal's stable id (the Entra object id in Azure, the development sign-in's
/// generated id locally, "cli:" and a name from the command line) and the display name shown beside it. A display
/// name can be chosen by anyone locally and is not unique in Entra ID; the id tells people apart.
/// </summary>
public sealed record AuditActor(string Id, string Name);
