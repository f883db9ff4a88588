namespace PulsePipeline.Models.Plans;

/// <summary>
/// A member taken out of a drawn plan: who (stable id and display name), why, which day. The member keeps its drawn
/// cohort in the analysis (intention to treat), and is never drawn again.
/// </summary>
public sealed record PlanWithdrawal(string Unit, string Reason, string ById, string ByName, DateOnly Day);
