using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Publication;
using PulsePipeline.Workspace.Pages;
using PulsePipeline.Workspace.Reading;

namespace PulsePipeline.UnitTests.Workspace;

/// <summary>
/// The heatmap's rows: the top row is the whole organisation with the organisation-wide change, a collapsed ministry
/// counts the flagged units of its whole subtree (also when the view stops one level below it), and a withheld cell
/// knows why.
/// </summary>
public sealed class HeatmapTreeTests
{
    private static readonly List<PublishedRow> Rows =
    [
        Row("rijk", ""), Row("A", "rijk"), Row("A/1", "A"), Row("A/1/x", "A/1"), Row("A/2", "A"), Row("B", "rijk"), Row("B/1", "B"),
    ];

    [Fact]
    public void TheTopRow_IsTheOrganisation_AndEachMinistryCountsItsFlaggedUnitsInTheNewestWave()
    {
        var newest = Flags("w2", "A/1/x", "A", "B/1");
        var older = Flags("w1", "A/2");
        var organisation = new FlagRow("w2", null, "adverse", true, null, 7, 0.2, 0.05, 0, 0.05, "");

        var (root, branches, _) = HeatmapTree.Build(Rows, [newest, older], null, [organisation, null], [new Dictionary<string, SuppressionReason?> { ["A/2"] = SuppressionReason.Secondary }, new Dictionary<string, SuppressionReason?>()]);

        Assert.True(root!.IsOrganisation);
        Assert.Same(organisation, root.Cells[0]);
        Assert.Equal([2, 1], branches.Select(b => b.FlaggedNow));
        Assert.Equal(SuppressionReason.Secondary, branches[0].Rows.Single(r => r.Unit == "A/2").WithheldIn(0));
        Assert.Null(branches[0].Rows.Single(r => r.Unit == "A/2").WithheldIn(1));
    }

    private static Dictionary<string, FlagRow> Flags(string wave, params string[] flagged) =>
        Rows.Where(r => !r.IsRoot).ToDictionary(r => r.Unit, r => new FlagRow(wave, r.Unit, "Scored", flagged.Contains(r.Unit), 0.5, 30, 0.1, 0.2, 0, 0.2, ""), StringComparer.Ordinal);

    private static PublishedRow Row(string unit, string parent) =>
        new("w2", unit, "Eenheid " + unit, parent, true, 30, null, null, new Dictionary<Construct, ConstructResult>(), new Dictionary<string, IReadOnlyList<long>>());
}
