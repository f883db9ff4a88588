using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Waves;
using PulsePipeline.Workspace.Pages;
using PulsePipeline.Workspace.Reading;

namespace PulsePipeline.UnitTests.Workspace;

/// <summary>IPIM finds units by the names it knows, whatever the case or accents; the form offers the waves the schedule will open.</summary>
public sealed class UnitSearchTests
{
    private static readonly List<PublishedRow> Rows =
    [
        Row("rijk", "", "Rijksoverheid"),
        Row("FIN", "rijk", "Ministerie van Financiën"),
        Row("FIN/T", "FIN", "Dienst Toeslagen"),
        Row("FIN/T/1", "FIN/T", "Team Financiën Noord"),
        Row("BZK", "rijk", "Ministerie van Binnenlandse Zaken"),
    ];

    [Fact]
    public void Find_IgnoresCaseAndAccents_AndNamesTheUnitsAbove()
    {
        var found = UnitSearch.Find(Rows, "  financien ");

        Assert.Equal(["FIN", "FIN/T/1"], found.Hits.Select(h => h.Unit));
        Assert.Equal(["Ministerie van Financiën", "Dienst Toeslagen"], found.Hits.Single(h => h.Unit == "FIN/T/1").Above);
        Assert.Equal("FIN/T", Assert.Single(UnitSearch.Find(Rows, "toeslagen").Hits).Unit);
        Assert.Empty(UnitSearch.Find(Rows, "").Hits);
        Assert.Empty(UnitSearch.Find(Rows, "Defensie").Hits);
        Assert.DoesNotContain("Rijksoverheid", UnitSearch.Find(Rows, "").Names);
    }

    [Fact]
    public void FormChoices_ResolveAnIdOrAUniqueName_AndRefuseANameSeveralUnitsHave()
    {
        var choices = new FormChoices([new("a", "Team Noord", []), new("b", "Team Zuid", ["X"]), new("c", "Team Zuid", ["Y"])], ["2027-10"], ["2027-09"]);

        Assert.Equal(("a", false), choices.Resolve("a"));
        Assert.Equal(("a", false), choices.Resolve("team noord"));
        Assert.Equal((null, true), choices.Resolve("Team Zuid"));
        Assert.Equal((null, false), choices.Resolve("Team West"));
        Assert.True(choices.Offers("2027-09"));
        Assert.False(choices.Offers("2031-01"));
    }

    [Fact]
    public void TheSchedule_GivesTheIdsOfTheWavesItWillOpen()
    {
        var next = WaveSchedule.Next("0 0 8 1 * *", new DateTimeOffset(2027, 3, 15, 0, 0, 0, TimeSpan.Zero), 3);

        Assert.Equal(["2027-04-01", "2027-05-01", "2027-06-01"], next);
        Assert.Empty(WaveSchedule.Next("not a schedule", DateTimeOffset.UnixEpoch, 3));
    }

    private static PublishedRow Row(string unit, string parent, string name) =>
        new("2027-09", unit, name, parent, true, 30, null, null, new Dictionary<Construct, ConstructResult>(), new Dictionary<string, IReadOnlyList<long>>());
}
