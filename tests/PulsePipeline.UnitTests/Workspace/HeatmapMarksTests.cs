using System.Text.RegularExpressions;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Workspace;
using PulsePipeline.Workspace.Access;
using PulsePipeline.Workspace.Pages;
using PulsePipeline.Workspace.Reading;
using PulsePipeline.Workspace.Rendering;

namespace PulsePipeline.UnitTests.Workspace;

/// <summary>
/// The heatmap's one meaning of a mark: only a unit the detector flagged is marked; a change whose 95% interval
/// excludes zero but that the detector did not flag is shown with its interval and no mark, nor a word that competes
/// with the detector's; and the organisation's row shows the organisation-wide change, not the root unit's own row.
/// </summary>
public sealed partial class HeatmapMarksTests
{
    private static readonly List<PublishedRow> Rows = [Row("rijk", ""), Row("A", "rijk"), Row("A/1", "A"), Row("A/2", "A")];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task OnlyTheDetectorsFlags_AreMarked_AndTheTopRowIsTheOrganisationWideChange(bool tableView)
    {
        var flags = new Dictionary<string, FlagRow>(StringComparer.Ordinal)
        {
            ["rijk"] = Flag("rijk", false, 0, 0.06),
            ["A"] = Flag("A", false, 0.05, 0.1),
            ["A/1"] = Flag("A/1", true, 0.9, 0.2),
            ["A/2"] = Flag("A/2", false, 0.6, 0.2), // outside its margin, but not flagged
        };
        var organisation = new FlagRow("w1", null, "adverse", false, null, 400, -0.17, 0.05, 0.02, 0.05, "");
        var (root, branches, _) = HeatmapTree.Build(Rows, [flags], null, [organisation]);
        var model = new HeatmapModel(Construct.Pressure, "w1", ["w1"], null, null, tableView, root, branches);
        var texts = WorkspaceTexts.For(Language.En);

        var html = await PageRenderer.RenderAsync<HeatmapPage>(new Dictionary<string, object?> { ["Context"] = Context(), ["Model"] = model });

        Assert.Equal(["A/1"], [.. Rows.Select(r => r.Unit).Where(u => Marked(RowOf(html, u)))]);
        Assert.All(texts.Marks.Where(m => m.Key != CellMark.NotFlagged), m => Assert.DoesNotContain(m.Value, RowOf(html, "A/2"), StringComparison.Ordinal));
        Assert.Contains("data-field=\"flag_pressure_change\" data-scope=\"organisation\"", RowOf(html, "rijk"), StringComparison.Ordinal);
        Assert.Contains(">−0.17<", RowOf(html, "rijk"), StringComparison.Ordinal);
    }

    private static bool Marked(string row) => row.Contains(HeatPalette.Symbol(CellMark.Flagged), StringComparison.Ordinal) || row.Contains(HeatPalette.Symbol(CellMark.FlaggedOtherTopic), StringComparison.Ordinal);

    private static string RowOf(string html, string unit) =>
        HeatRow().Matches(html).Select(m => m.Value).Single(r => r.StartsWith($"<tr data-unit=\"{unit}\">", StringComparison.Ordinal));

    private static FlagRow Flag(string unit, bool flagged, double change, double margin) =>
        new("w1", unit, "Scored", flagged, 0.5, 30, change, margin, 0, 0.2, flagged ? "pressure rose" : "");

    private static PublishedRow Row(string unit, string parent) =>
        new("w1", unit, "Eenheid " + unit, parent, true, 30, null, null, new Dictionary<Construct, ConstructResult>(), new Dictionary<string, IReadOnlyList<long>>());

    private static PageContext Context() =>
        new(Language.En, new SignInState(WorkspaceHost.Local, null, WorkspacePrincipal.Create("dev:r", "Ria", [WorkspaceRoles.Reader])), "t", WorkspacePage.Heatmap, "/ipim/heatmap", []);

    [GeneratedRegex("<tr data-unit=\"[^\"]*\">.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex HeatRow();
}
