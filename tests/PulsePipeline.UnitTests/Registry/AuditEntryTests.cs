using PulsePipeline.Models.Audit;

namespace PulsePipeline.UnitTests.Registry;

public sealed class AuditEntryTests
{
    [Theory]
    [InlineData("cli:jan", "cli:jan", AuditActions.InterventionAdded, "iv-1", "changed: notes")]
    [InlineData("0b8f5a2c-6a1e-4e6f-9d1c-2f0c3a7b9e11", "Jan Jansen", AuditActions.UnitViewed, "BZK/DGOO/Directie Arbeidszaken/Team Ä.1", "")]
    public void AnActorsIdNameActionAndSubject_CanBeRecorded(string id, string name, string action, string subject, string detail)
    {
        Assert.Null(AuditEntry.Problem(new AuditActor(id, name), action, subject, detail));
    }

    [Theory]
    [InlineData("oid-1", "jan@minbzk.nl", AuditActions.UnitViewed, "afd1", "", "name is not an email address")]
    [InlineData("jan@minbzk.nl", "Jan", AuditActions.UnitViewed, "afd1", "", "id is not an email address")]
    [InlineData("oid-1", "", AuditActions.UnitViewed, "afd1", "", "name is empty")]
    [InlineData("", "Jan", AuditActions.UnitViewed, "afd1", "", "id is empty")]
    [InlineData("oid-1", "jan\n2", AuditActions.UnitViewed, "afd1", "", "control character")]
    [InlineData("oid-1", "jan", "Unit Viewed", "afd1", "", "lower-case letters")]
    [InlineData("oid-1", "jan", AuditActions.UnitViewed, "", "", "subject is empty")]
    [InlineData("oid-1", "jan", AuditActions.UnitViewed, "afd1", "a\nb", "without control characters")]
    public void WhatCannotBeAnAuditRow_IsRefused_WithTheReason(string id, string name, string action, string subject, string detail, string reason)
    {
        Assert.Contains(reason, AuditEntry.Problem(new AuditActor(id, name), action, subject, detail), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cli:jan", true)]
    [InlineData("CLI:jan", true)]
    [InlineData(" cli:jan", true)]
    [InlineData("Cli: Jan", true)]
    [InlineData("client jan", false)]
    [InlineData("jan cli:", false)]
    public void TheCommandLinesNames_AreReserved_InAnyCase(string name, bool reserved) =>
        Assert.Equal(reserved, AuditActors.IsReserved(name));
}
