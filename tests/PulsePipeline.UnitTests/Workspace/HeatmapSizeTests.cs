using System.Text;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Workspace;
using PulsePipeline.Workspace.Access;
using PulsePipeline.Workspace.Pages;
using PulsePipeline.Workspace.Reading;
using PulsePipeline.Workspace.Rendering;

namespace PulsePipeline.UnitTests.Workspace;

/// <summary>
/// The heatmap at the size of the central government (1,500 units in 12 ministries, six waves, one construct) stays a
/// page a tablet loads: all ministries one level deep, and each ministry's whole subtree on its own page.
/// </summary>
public sealed class HeatmapSizeTests
{
    private const int Ministries = 12;
    private const int PerMinistry = 124;
    private const int MaxBytes = 250_000;

    private static readonly List<string> Waves = [.. Enumerable.Range(1, HeatmapModel.Window).Select(i => $"2027-{i:00}")];

    [Fact]
    public async Task AllMinistries_OneLevelDeep_AndOneMinistryWhole_StayUnderTheLimit()
    {
        var rows = Organisation();
        var flags = Waves.Select(w => (IReadOnlyDictionary<string, FlagRow>)rows.ToDictionary(r => r.Unit, r => new FlagRow(w, r.Unit, "Scored", false, 0.12345678901234, 30, 0.12345678901234, 0.23456789012345, -0.0345678901234, 0.2123456789012, ""), StringComparer.Ordinal)).ToList();

        var all = HeatmapTree.Build(rows, flags, under: null);
        var one = HeatmapTree.Build(rows, flags, under: "MIN3");

        Assert.True(all.Limited);
        Assert.Equal(Ministries, all.Branches.Count);
        Assert.All(all.Branches, b => Assert.All(b.Rows, r => Assert.Equal(1, r.Depth)));
        Assert.False(one.Limited);
        Assert.Equal("MIN3", Assert.Single(one.Branches).Head.Unit);
        Assert.Equal(PerMinistry, one.Branches[0].Rows.Count);

        foreach (var (view, under) in new[] { (all, (string?)null), (one, "MIN3") })
        {
            var model = new HeatmapModel(Construct.Pressure, Waves[^1], Waves, "2026-12", null, false, view.Root, view.Branches) { Under = under, Limited = view.Limited };
            var html = await PageRenderer.RenderAsync<HeatmapPage>(new Dictionary<string, object?> { ["Context"] = Context(), ["Model"] = model });
            var bytes = Encoding.UTF8.GetByteCount(html);
            Assert.True(bytes < MaxBytes, $"the heatmap of {rows.Count} units (under {under ?? "none"}) is {bytes:N0} bytes");
        }
    }

    [Fact]
    public void SmallOrganisation_ShowsTheWholeTree()
    {
        var rows = Organisation().Take(HeatmapTree.FullTreeLimit).ToList();

        var tree = HeatmapTree.Build(rows, [], under: null);

        Assert.False(tree.Limited);
        Assert.Equal(rows.Count, 1 + tree.Branches.Sum(b => 1 + b.Rows.Count));
    }

    /// <summary>A root, 12 ministries, each with 4 directorates-general of 30 directorates.</summary>
    private static List<PublishedRow> Organisation()
    {
        PublishedRow Row(string unit, string parent) => new("2027-06", unit, "Directie " + unit, parent, true, 30, null, null, new Dictionary<Construct, ConstructResult>(), new Dictionary<string, IReadOnlyList<long>>());
        var rows = new List<PublishedRow> { Row("Rijk", "") };
        for (var m = 0; m < Ministries; m++)
        {
            rows.Add(Row($"MIN{m}", "Rijk"));
            for (var g = 0; g < 4; g++)
            {
                rows.Add(Row($"MIN{m}/DG {g}", $"MIN{m}"));
                rows.AddRange(Enumerable.Range(0, (PerMinistry / 4) - 1).Select(d => Row($"MIN{m}/DG {g}/Directie {d}", $"MIN{m}/DG {g}")));
            }
        }

        return rows;
    }

    private static PageContext Context() =>
        new(Language.Nl, new SignInState(WorkspaceHost.Local, null, WorkspacePrincipal.Create("dev:r", "Ria", [WorkspaceRoles.Reader])), "t", WorkspacePage.Heatmap, "/ipim/heatmap", []);
}
