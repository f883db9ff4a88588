using System.Text;
using Microsoft.AspNetCore.Http;
using PulsePipeline.Models.Interventions;
using PulsePipeline.Models.Plans;
using PulsePipeline.Workspace;
using PulsePipeline.Workspace.Rendering;

namespace PulsePipeline.UnitTests.Workspace;

/// <summary>The body limit holds every valid form in its worst encoding, and refuses one byte more unread.</summary>
public sealed class WorkspaceFormTests
{
    [Fact]
    public void FullLengthAccentedNotes_AndEveryOtherFieldAtItsLongest_FitUnderTheLimit()
    {
        var notes = new string('\u1EBD', InterventionRules.MaxNotesLength);
        var encoded = Encoding.ASCII.GetByteCount(Uri.EscapeDataString(notes));

        Assert.Equal(InterventionRules.MaxNotesLength * WorkspaceForm.MaxBytesPerUnit, encoded);
        Assert.Contains(WorkspaceForm.InterventionForm, f => f.Name == InterventionFields.Notes && f.MaxLength == InterventionRules.MaxNotesLength);
        // The notes alone, accented, need twice the old 4 KiB limit; with every other field at its longest too, the form
        // still fits, and the limit stays far below anything costly.
        var others = WorkspaceForm.InterventionForm.Where(f => f.Name != InterventionFields.Notes).Sum(f => f.Name.Length + 2 + (f.MaxLength * WorkspaceForm.MaxBytesPerUnit));
        Assert.InRange(encoded + others + "notes=".Length, 2 * 4096, WorkspaceForm.MaxBodyBytes);
        Assert.True(WorkspaceForm.MaxBodyBytes < 64 * 1024);
    }

    [Fact]
    public void APlanFormWithItsUnitsFieldFull_AndEveryOtherFieldAtItsLongest_FitsUnderTheSameLimit()
    {
        var units = new string('\u1EBD', PulsePipeline.Workspace.Plans.PlanFormValues.MaxUnitsLength);
        var encoded = Encoding.ASCII.GetByteCount(Uri.EscapeDataString(units));
        var others = WorkspaceForm.PlanForm.Where(f => f.Name != PlanFields.Units).Sum(f => f.Name.Length + 2 + (f.MaxLength * WorkspaceForm.MaxBytesPerUnit));

        Assert.Contains(WorkspaceForm.PlanForm, f => f.Name == PlanFields.Units && f.MaxLength == PulsePipeline.Workspace.Plans.PlanFormValues.MaxUnitsLength);
        Assert.InRange(encoded + others + "units=".Length, 1, WorkspaceForm.MaxBodyBytes);
        Assert.True(WorkspaceForm.MaxBodyBytes < 64 * 1024);
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(1, WorkspaceProblem.FormTooLarge)]
    public async Task ABodyOfTheLimit_IsRead_OneByteMore_IsRefused(int over, WorkspaceProblem? expected)
    {
        var context = new DefaultHttpContext();
        var body = Encoding.ASCII.GetBytes("notes=" + new string('x', WorkspaceForm.MaxBodyBytes + over - 6));
        context.Request.ContentType = "application/x-www-form-urlencoded";
        context.Request.Body = new MemoryStream(body); // no Content-Length: read up to one byte past the limit

        var (fields, problem) = await WorkspaceForm.ReadAsync(context.Request, CancellationToken.None);

        Assert.Equal(expected, problem);
        Assert.Equal(expected is null, fields is not null);
    }
}
