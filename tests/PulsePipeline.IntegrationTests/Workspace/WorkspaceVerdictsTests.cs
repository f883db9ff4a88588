using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Publication;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;
using PulsePipeline.Workspace.Access;
using PulsePipeline.Workspace.Rendering;

namespace PulsePipeline.IntegrationTests.Workspace;

/// <summary>
/// One meaning of "flagged" on every page in both languages: a heatmap cell carries a mark exactly where the detector
/// flagged that unit in that wave (HeatmapMarksTests shows a change outside its margin unmarked), the organisation's row
/// shows the organisation-wide change, the overview's findings and the report's flagged units are the detector's
/// flags (new exactly when the wave before was not flagged), and a unit page's flag column says what the store says.
/// Every withheld cell and row says the reason publication stored for it, in words that hold no count.
/// </summary>
[Collection(SharedWorkspace.Name)]
public sealed class WorkspaceVerdictsTests(WorkspaceFixture workspace)
{
    private static readonly string[] MarkSymbols = [HeatPalette.Symbol(CellMark.Flagged), HeatPalette.Symbol(CellMark.FlaggedOtherTopic)];

    [Fact]
    public async Task AUnitOrCellIsCalledFlagged_OnlyWhereTheDetectorFlaggedIt_OnEveryPage()
    {
        var flags = await workspace.Pipeline.Storage.Flags.QueryAsync<FlagEntity>().ToDictionaryAsync(f => (f.PartitionKey, f.RowKey));
        bool Flagged(string unit, string wave) => flags.TryGetValue((wave, TableKeys.Encode(unit)), out var f) && f.Flagged;
        var problems = new List<string>();
        var (marked, findings, flagRows) = (0, 0, 0);

        await foreach (var (url, document, texts) in PagesAsync())
        {
            foreach (var cell in document.QuerySelectorAll("table.heat tbody td[data-wave]"))
            {
                var unit = cell.Closest("tr")!.GetAttribute("data-unit")!;
                var wave = cell.GetAttribute("data-wave")!;
                var organisation = unit == WorkspaceSeed.Root;
                var isMarked = cell.QuerySelectorAll("b").Any(b => MarkSymbols.Contains(b.TextContent));
                var stored = flags.GetValueOrDefault((wave, organisation ? FlagEntity.OrganisationRow : TableKeys.Encode(unit)));
                marked += isMarked ? 1 : 0;
                if (isMarked != (stored?.Flagged ?? false))
                {
                    problems.Add($"{url}: the cell of {unit} in {wave} is {(isMarked ? "" : "not ")}marked; the detector says flagged = {stored?.Flagged}");
                }

                if (organisation && cell.QuerySelectorAll("data").Any(d => d.Closest("[data-scope]")?.GetAttribute("data-scope") != Fields.OrganisationScope))
                {
                    problems.Add($"{url}: the organisation's cell in {wave} shows a figure that is not the organisation-wide change");
                }

            }

            foreach (var row in document.QuerySelectorAll("tr[data-finding]"))
            {
                findings++;
                var (unit, wave) = (row.GetAttribute("data-unit")!, row.GetAttribute("data-wave")!);
                var previous = WorkspaceSeed.Waves.TakeWhile(w => w != wave).LastOrDefault();
                var isNew = previous is null || !Flagged(unit, previous);
                if (!Flagged(unit, wave) || (row.GetAttribute("data-finding") == "new") != isNew)
                {
                    problems.Add($"{url}: finding {unit} in {wave} ({row.GetAttribute("data-finding")}) is not the detector's (flagged = {Flagged(unit, wave)}, new = {isNew})");
                }
            }

            foreach (var row in document.QuerySelectorAll("section[aria-labelledby=r-flags] tbody tr[data-unit]"))
            {
                var unit = row.GetAttribute("data-unit")!;
                var waves = row.QuerySelectorAll("td")[0].QuerySelectorAll("[data-label=wave]").Select(w => w.TextContent).ToList();
                if (waves.Count == 0 || !waves.All(w => Flagged(unit, w)))
                {
                    problems.Add($"{url}: the report lists {unit} as flagged in {string.Join(", ", waves)}; the detector did not flag it in each");
                }
            }

            foreach (var row in FlagTableRows(document, texts))
            {
                flagRows++;
                var said = row.QuerySelectorAll("td")[1].TextContent;
                var (unit, wave) = (row.GetAttribute("data-unit")!, row.GetAttribute("data-wave")!);
                if (said != (Flagged(unit, wave) ? texts.Yes : texts.No))
                {
                    problems.Add($"{url}: the flag table says '{said}' for {unit} in {wave}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems.Take(40)));
        Assert.True(marked > 0 && findings > 0 && flagRows > 0, $"the seed's flags are shown ({marked} marked cells, {findings} findings, {flagRows} rows of unit flag tables)");
    }

    [Fact]
    public async Task EveryWithheldCellAndRow_SaysTheStoredReason_OnEveryPage()
    {
        var stored = await workspace.Pipeline.Storage.Published.QueryAsync<PublishedEntity>().Where(p => !p.Published)
            .ToDictionaryAsync(p => (p.PartitionKey, TableKeys.Decode(p.RowKey)), p => Enum.TryParse<SuppressionReason>(p.Withheld, out var reason) ? reason : (SuppressionReason?)null);
        var problems = new List<string>();
        var said = new HashSet<SuppressionReason?>();

        await foreach (var (url, document, texts) in PagesAsync())
        {
            var places = document.QuerySelectorAll("table.heat tbody td.supp").Select(c => (Element: c, Unit: c.Closest("tr")!.GetAttribute("data-unit"), Text: c.TextContent[HeatPalette.SuppressedSymbol.Length..], Long: false))
                .Concat(document.QuerySelectorAll("tr[data-unit][data-wave] > td[colspan]").Select(c => (Element: c, Unit: c.Closest("tr")!.GetAttribute("data-unit"), Text: c.TextContent, Long: false)))
                .Concat(FlagTableRows(document, texts).Select(r => (Element: r.QuerySelectorAll("td")[0], Unit: r.GetAttribute("data-unit"), Text: r.QuerySelectorAll("td")[0].TextContent, Long: true)));
            string[] withheldLong = [.. new SuppressionReason?[] { SuppressionReason.FewerThanK, SuppressionReason.Secondary, null }.Select(texts.WithheldLong)];
            foreach (var (element, unit, text, isLong) in places)
            {
                var wave = element.Closest("[data-wave]")!.GetAttribute("data-wave")!;
                if (!stored.TryGetValue((wave, unit!), out var reason))
                {
                    if (isLong && !withheldLong.Contains(text))
                    {
                        continue; // a published wave's status in a unit's flag table
                    }

                    problems.Add($"{url}: {unit} in {wave} is shown as withheld ('{text}') but was published");
                    continue;
                }

                said.Add(reason);
                var expected = isLong ? texts.WithheldLong(reason) : texts.WithheldShort(reason);
                if (text != expected)
                {
                    problems.Add($"{url}: {unit} in {wave} says '{text}', its stored reason ({reason?.ToString() ?? "not recorded"}) reads '{expected}'");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems.Take(40)));
        Assert.Equal(3, said.Count);
    }

    /// <summary>The rows of a unit page's table of its flags over the waves.</summary>
    private static IEnumerable<IElement> FlagTableRows(IDocument document, WorkspaceTexts texts) =>
        document.QuerySelectorAll("table").Where(t => t.QuerySelector("caption")?.TextContent == texts.UnitFlagsHeading).SelectMany(t => t.QuerySelectorAll("tbody tr"));

    /// <summary>Every page of <see cref="WorkspacePages"/>, as a reader gets it, with the texts of its language.</summary>
    private async IAsyncEnumerable<(string Url, IDocument Document, WorkspaceTexts Texts)> PagesAsync()
    {
        using var client = workspace.Client();
        var cookie = workspace.Cookie("Ria Lezer", WorkspaceRoles.Reader);
        foreach (var url in WorkspacePages.All())
        {
            using var response = await WorkspaceHttp.GetAsync(client, url, cookie);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
            yield return (url, document, WorkspaceTexts.For(document.DocumentElement.GetAttribute("lang") == "en" ? Language.En : Language.Nl));
        }
    }
}
