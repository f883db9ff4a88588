using PulsePipeline.Models.Audit;

namespace PulsePipeline.UnitTests.Registry;

public sealed class AuditEntryTests
{
    [Theory]
    [InlineData("cli:jan", AuditActions.InterventionAdded, "iv-1", "changed: notes")]
    [InlineData("Jan Jansen", AuditActions.UnitViewed, "BZK/DGOO/Directie Arbeidszaken/Team Ä.1", "")]
    public void AnActorsNameActionAndSubject_CanBeRecorded(string actor, string action, string subject, string detail)
    {
        Assert.Null(AuditEntry.Problem(actor, action, subject, detail));
    }

    [Theory]
    [InlineData("jan@minbzk.nl", AuditActions.UnitViewed, "afd1", "", "not an email address")]
    [InlineData("", AuditActions.UnitViewed, "afd1", "", "actor is empty")]
    [InlineData("jan\n2", AuditActions.UnitViewed, "afd1", "", "control character")]
    [InlineData("jan", "Unit Viewed", "afd1", "", "lower-case letters")]
    [InlineData("jan", AuditActions.UnitViewed, "", "", "subject is empty")]
    [InlineData("jan", AuditActions.UnitViewed, "afd1", "a\nb", "without control characters")]
    public void WhatCannotBeAnAuditRow_IsRefused_WithTheReason(string actor, string action, string subject, string detail, string reason)
    {
        Assert.Contains(reason, AuditEntry.Problem(actor, action, subject, detail), StringComparison.Ordinal);
    }
}
