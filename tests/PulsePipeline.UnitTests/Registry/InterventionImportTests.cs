using PulsePipeline.Models.Interventions;

namespace PulsePipeline.UnitTests.Registry;

public sealed class InterventionImportTests
{
    private const string OrgPath = "BZK/DGOO/Directie Arbeidszaken/Team Ä.1";
    private static readonly HashSet<string> Units = new(StringComparer.Ordinal) { "afd1", "afd2", OrgPath, "=SUM(A1)" };

    private static readonly InterventionRecord Stored = new("iv-stored", "afd1", InterventionTypes.DilemmaTraining, "2027-01-01", InterventionStatuses.Running, "Piet", "begun");

    [Fact]
    public void TheEffectsContractsColumnsAlone_AddNewPlannedInterventions_OwnedByTheImporter()
    {
        var plan = Plan("unit,intervention,start_wave\nafd2,moral-deliberation,2027-03-01\n");

        Assert.Empty(plan.Problems);
        var added = Assert.Single(plan.Added);
        Assert.Equal(new InterventionRecord("", "afd2", InterventionTypes.MoralDeliberation, "2027-03-01", InterventionStatuses.Planned, "importer", ""), added);
        Assert.Empty(plan.Updated);
    }

    [Fact]
    public void ARowWithAStoredId_UpdatesIt_AndKeepsWhatTheFileDoesNotSay()
    {
        var plan = Plan("id,unit,intervention,start_wave,status\niv-stored,afd1,dilemma-training,2027-02-01,ended\n", [Stored]);

        var change = Assert.Single(plan.Updated);
        Assert.Equal(Stored with { StartWave = "2027-02-01", Status = InterventionStatuses.Ended }, change.After);
        Assert.Equal([InterventionFields.StartWave, InterventionFields.Status], change.ChangedFields);
        Assert.Empty(plan.Added);
    }

    [Fact]
    public void ARowWithoutId_MatchesTheStoredOneWithTheSameUnitTypeAndStartWave_SoAReimportChangesNothing()
    {
        var plan = Plan("unit,intervention,start_wave\nafd1,dilemma-training,2027-01-01\n", [Stored]);

        Assert.Empty(plan.Problems);
        Assert.Equal(1, plan.Unchanged);
        Assert.Empty(plan.Added);
        Assert.Empty(plan.Updated);
    }

    [Fact]
    public void AnUnknownId_IsAddedUnderThatId_SoAnExportCanRestoreARegistry()
    {
        var plan = Plan("id,unit,intervention,start_wave,status,owner,notes\niv-elsewhere,afd2,other,2027-03-01,ended,Els,restored\n");

        Assert.Equal("iv-elsewhere", Assert.Single(plan.Added).Id);
    }

    [Fact]
    public void StoredInterventionsTheFileDoesNotMention_AreNeitherChangedNorDeleted()
    {
        var plan = Plan("unit,intervention,start_wave\nafd2,other,2027-03-01\n", [Stored]);

        Assert.Single(plan.Added);
        Assert.DoesNotContain(plan.Updated, c => c.Before.Id == Stored.Id);
        Assert.Equal(0, plan.Unchanged);
    }

    public static TheoryData<string, string, int, string> Errors => new()
    {
        { "unknown unit", "unit,intervention,start_wave\nafd1,other,2027-03-01\nnowhere,other,2027-03-01\n", 3, "unit 'nowhere' is neither in the current roster nor in a published wave" },
        { "unknown type", "unit,intervention,start_wave\nafd1,yoga,2027-03-01\n", 2, "intervention 'yoga' is not an intervention type: use one of" },
        { "bad wave", "unit,intervention,start_wave\nafd1,other,2027/03\n", 2, "start_wave '2027/03' is not a wave id" },
        { "bad status", "unit,intervention,start_wave,status\nafd1,other,2027-03-01,done\n", 2, "status 'done' is not a status" },
        { "empty owner", "unit,intervention,start_wave,owner\nafd1,other,2027-03-01,\n", 2, "owner is empty" },
        { "notes too long", $"unit,intervention,start_wave,notes\nafd1,other,2027-03-01,{new string('n', 1001)}\n", 2, "notes are 1,001 characters long" },
        { "notes with a control character", "unit,intervention,start_wave,notes\nafd1,other,2027-03-01,\"a\u0007b\"\n", 2, "notes contain a control character (U+0007)" },
        { "bad id", "id,unit,intervention,start_wave\niv#1,afd1,other,2027-03-01\n", 2, "id 'iv#1' is not an intervention id" },
        { "duplicate in the file", "unit,intervention,start_wave\nafd1,other,2027-03-01\nafd2,other,2027-03-01\nafd1,other,2027-03-01\n", 4, "appears more than once (also on line 2)" },
        { "duplicate of a stored one", "id,unit,intervention,start_wave\niv-new,afd1,dilemma-training,2027-01-01\n", 2, "already has a dilemma-training starting in this wave (intervention iv-stored)" },
        { "one intervention on two rows", "id,unit,intervention,start_wave\niv-stored,afd1,dilemma-training,2027-02-01\niv-stored,afd1,dilemma-training,2027-03-01\n", 3, "changes intervention 'iv-stored' again (also on line 2)" },
        { "id row and natural-key row for one", "id,unit,intervention,start_wave\niv-stored,afd1,dilemma-training,2027-02-01\n,afd1,dilemma-training,2027-01-01\n", 3, "changes intervention 'iv-stored' again (also on line 2)" },
        { "unit changed", "id,unit,intervention,start_wave\niv-stored,afd2,dilemma-training,2027-01-01\n", 2, "unit cannot change" },
        { "type changed", "id,unit,intervention,start_wave\niv-stored,afd1,other,2027-01-01\n", 2, "intervention cannot change" },
        { "missing column", "unit,intervention\nafd1,other\n", 1, "missing column(s): start_wave" },
        { "unexpected column", "unit,intervention,start_wave,budget\nafd1,other,2027-03-01,100\n", 1, "unexpected column(s): 'budget'" },
        { "wrong field count", "unit,intervention,start_wave\nafd1,other\n", 2, "expected 3 fields" },
        { "unclosed quote", "unit,intervention,start_wave,notes\nafd1,other,2027-03-01,\"open\n", 2, "not closed" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void EachProblem_IsReported_WithItsLine_AndNothingIsPlanned(string kind, string csv, int line, string message)
    {
        var plan = Plan(csv, [Stored]);

        Assert.False(plan.IsValid);
        Assert.Contains(plan.Problems, p => p.Line == line && p.Message.Contains(message, StringComparison.Ordinal));
        Assert.All(plan.Problems, p => Assert.Equal("interventions.csv", p.Source));
        Assert.False(string.IsNullOrEmpty(kind));
    }

    [Fact]
    public void EveryBadRow_IsReported_NotJustTheFirst()
    {
        var plan = Plan("unit,intervention,start_wave\nafd1,yoga,2027-03-01\nafd2,other,x/y\nnowhere,other,2027-03-01\nafd2,other,2027-04-01\n");

        Assert.Equal([2, 3, 4], plan.Problems.Select(p => p.Line));
    }

    [Fact]
    public void AStoredUnitThatLeftTheRoster_CanStillBeUpdated()
    {
        var gone = Stored with { Unit = "disbanded" };

        var plan = Plan("id,unit,intervention,start_wave,status\niv-stored,disbanded,dilemma-training,2027-01-01,ended\n", [gone]);

        Assert.Empty(plan.Problems);
        Assert.Single(plan.Updated);
    }

    [Fact]
    public void ExportThenImport_IsTheIdentity_ForOrgPathsMarkupBidiAndFormulas()
    {
        InterventionRecord[] stored =
        [
            new("iv-a", OrgPath, InterventionTypes.MoralDeliberation, "2027-03-01", InterventionStatuses.Running, "=HYPERLINK(\"x\")", "<script>alert(1)</script>\n\u202Egnirts\u202C, \"quoted\""),
            new("iv-b", "=SUM(A1)", InterventionTypes.Other, "2027-04-01", InterventionStatuses.Ended, "'=already quoted", "=cmd|' /C calc'!A0"),
            new("iv-c", "afd2", InterventionTypes.ReportingRoutes, "2027-05-01", InterventionStatuses.Planned, "-minus", "@at\r\nline"),
        ];
        var text = new StringWriter();
        InterventionsCsv.Write(text, stored);

        var document = InterventionsCsv.Read(new StringReader(text.ToString()), "interventions.csv");
        var plan = InterventionImport.Plan(document, stored, Units.Contains, "importer");
        var fresh = InterventionImport.Plan(InterventionsCsv.Read(new StringReader(text.ToString()), "interventions.csv"), [], Units.Contains, "importer");

        Assert.Empty(plan.Problems);
        Assert.Equal(stored.Length, plan.Unchanged);
        Assert.Equal(stored, fresh.Added);
        Assert.DoesNotContain("\n=", text.ToString(), StringComparison.Ordinal);
        Assert.Contains("'=cmd|", text.ToString(), StringComparison.Ordinal);
        Assert.Contains(",''=already quoted", text.ToString(), StringComparison.Ordinal);
    }

    private static InterventionImportPlan Plan(string csv, IReadOnlyList<InterventionRecord>? stored = null) =>
        InterventionImport.Plan(InterventionsCsv.Read(new StringReader(csv), "interventions.csv"), stored ?? [], Units.Contains, "importer");
}
