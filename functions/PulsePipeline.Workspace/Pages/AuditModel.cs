using PulsePipeline.Models.Audit;

namespace PulsePipeline.Workspace.Pages;

/// <summary>The audit rows of a range of days, newest first; <see cref="BadRange"/> when the asked range was not valid and the default is shown.</summary>
public sealed record AuditModel(DateOnly From, DateOnly To, AuditListing Listing, bool BadRange);
