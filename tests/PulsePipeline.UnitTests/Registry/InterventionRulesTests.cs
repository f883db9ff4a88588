using PulsePipeline.Models.Interventions;

namespace PulsePipeline.UnitTests.Registry;

public sealed class InterventionRulesTests
{
    private static readonly InterventionRecord Valid = new("iv-0123456789ab", "BZK/DGOO/Directie Arbeidszaken/Team Ä.1", InterventionTypes.MoralDeliberation, "2027-03-01", InterventionStatuses.Planned, "Jan Jansen", "");

    [Fact]
    public void AValidIntervention_HasNoProblems_AndANewOneNeedsNoId()
    {
        Assert.Empty(InterventionRules.Check(Valid));
        Assert.Empty(InterventionRules.Check(Valid with { Id = "" }));
    }

    public static TheoryData<string, InterventionRecord, string, string> Broken => new()
    {
        { "id with a slash", Valid with { Id = "iv/1" }, InterventionFields.Id, "is not an intervention id" },
        { "empty unit", Valid with { Unit = "" }, InterventionFields.Unit, "is empty" },
        { "unit with a line break", Valid with { Unit = "afd\n1" }, InterventionFields.Unit, "control character" },
        { "unit of 129 characters", Valid with { Unit = new string('a', 129) }, InterventionFields.Unit, "longer than 128" },
        { "unit with a leading space", Valid with { Unit = " afd1" }, InterventionFields.Unit, "starts or ends with a space" },
        { "empty type", Valid with { Type = "" }, InterventionFields.Type, "is empty: use one of moral-deliberation" },
        { "unknown type", Valid with { Type = "yoga" }, InterventionFields.Type, "'yoga' is not an intervention type: use one of" },
        { "type in the wrong case", Valid with { Type = "Moral-Deliberation" }, InterventionFields.Type, "is not an intervention type" },
        { "empty start wave", Valid with { StartWave = "" }, InterventionFields.StartWave, "is empty: give the first wave" },
        { "start wave with a slash", Valid with { StartWave = "2027/03" }, InterventionFields.StartWave, "is not a wave id" },
        { "empty status", Valid with { Status = "" }, InterventionFields.Status, "is empty: use one of planned, running, ended" },
        { "unknown status", Valid with { Status = "done" }, InterventionFields.Status, "'done' is not a status" },
        { "empty owner", Valid with { Owner = "" }, InterventionFields.Owner, "is empty: name the IPIM user" },
        { "owner of 129 characters", Valid with { Owner = new string('o', 129) }, InterventionFields.Owner, "longer than 128" },
        { "owner with a tab", Valid with { Owner = "Jan\tJansen" }, InterventionFields.Owner, "control character" },
        { "notes over the limit", Valid with { Notes = new string('n', InterventionRules.MaxNotesLength + 1) }, InterventionFields.Notes, "are 1,001 characters long; shorten them to at most 1,000" },
        { "notes with a tab", Valid with { Notes = "a\tb" }, InterventionFields.Notes, "control character (U+0009) at position 2; only line breaks are allowed" },
        { "notes with NUL", Valid with { Notes = "a\0" }, InterventionFields.Notes, "control character (U+0000)" },
        { "notes with a lone surrogate", Valid with { Notes = "a\uD800b" }, InterventionFields.Notes, "invalid character at position 2" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void EachRule_ReportsItsField_InWordsThatSayWhatToFix(string kind, InterventionRecord candidate, string field, string message)
    {
        var problem = Assert.Single(InterventionRules.Check(candidate));

        Assert.Equal(field, problem.Field);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        Assert.StartsWith(field + " ", problem.ToString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(kind));
    }

    [Theory]
    [InlineData("<script>alert(1)</script> <b>vet</b>")]
    [InlineData("\u202Egnirts desrever\u202C and \u2066isolate\u2069")]
    [InlineData("=cmd|' /C calc'!A0")]
    [InlineData("line one\nline two\r\nline three")]
    [InlineData("")]
    public void Notes_MayHoldMarkupBidiFormulasAndLineBreaks(string notes)
    {
        Assert.Empty(InterventionRules.Check(Valid with { Notes = notes }));
    }

    [Fact]
    public void NotesOfExactlyTheLimit_AreAccepted()
    {
        Assert.Empty(InterventionRules.Check(Valid with { Notes = new string('n', InterventionRules.MaxNotesLength) }));
    }

    [Fact]
    public void EveryProblem_IsReported_NotJustTheFirst()
    {
        var problems = InterventionRules.Check(new InterventionRecord("", "", "yoga", "", "done", "", "a\tb"));

        Assert.Equal(
            [InterventionFields.Unit, InterventionFields.Type, InterventionFields.StartWave, InterventionFields.Status, InterventionFields.Owner, InterventionFields.Notes],
            problems.Select(p => p.Field));
    }

    [Fact]
    public void EveryCatalogueTypeAndStatus_IsAccepted()
    {
        foreach (var type in InterventionTypes.All)
        {
            foreach (var status in InterventionStatuses.All)
            {
                Assert.Empty(InterventionRules.Check(Valid with { Type = type.Id, Status = status }));
            }
        }
    }

    [Fact]
    public void AnUpdate_CannotMoveAnInterventionToAnotherUnitOrType()
    {
        var moved = InterventionRules.CheckChange(Valid, Valid with { Unit = "afd2", Type = InterventionTypes.Other });

        Assert.Equal([InterventionFields.Unit, InterventionFields.Type], moved.Select(p => p.Field));
        Assert.Empty(InterventionRules.CheckChange(Valid, Valid with { StartWave = "2027-06-01", Status = InterventionStatuses.Running, Owner = "Piet", Notes = "x" }));
    }

    [Fact]
    public void NewIds_AreValidAndDistinct()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => InterventionIds.New()).ToList();

        Assert.All(ids, id => Assert.True(InterventionIds.IsValid(id)));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void AChange_NamesTheFieldsThatDiffer_NeverTheirText()
    {
        var change = new InterventionChange(Valid, Valid with { Status = InterventionStatuses.Running, Notes = "secret plan" });

        Assert.Equal([InterventionFields.Status, InterventionFields.Notes], change.ChangedFields);
    }
}
