using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.Models.Interventions;
using PulsePipeline.Pipeline.Interventions;
using PulsePipeline.Workspace;
using PulsePipeline.Workspace.Pages;
using PulsePipeline.Workspace.Access;

namespace PulsePipeline.IntegrationTests.Workspace;

/// <summary>
/// The editors' forms end to end on `pulse host`, on a workspace of their own (they write): recording an
/// intervention shows it on the unit page and in the audit; a refused one answers 400 with its problems on the form
/// and stores nothing; a change based on an old version is a 409 that shows the other version and keeps it; ending
/// one; a reader's POST and a POST without a valid token change nothing.
/// </summary>
public sealed partial class WorkspaceInterventionTests(WorkspaceFixture workspace) : IClassFixture<WorkspaceFixture>
{
    private const string Editor = "Eva Editor";

    [Fact]
    public async Task Editor_RecordsAnIntervention_SeesItOnTheUnitPage_AndTheAuditNamesThem()
    {
        using var client = workspace.Client();
        var cookie = workspace.Cookie(Editor, WorkspaceRoles.Editor);
        const string unit = "BZK/DGOO/Directie Arbeidszaken/Team B.2";
        using var form = await WorkspaceHttp.GetAsync(client, "/ipim/interventions/new?unit=" + Uri.EscapeDataString(unit), cookie);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var html = await form.Content.ReadAsStringAsync();
        Assert.Contains(InterventionRules.NotesGuidanceNl, html, StringComparison.Ordinal);

        using var saved = await PostAsync(client, "/ipim/interventions/new", cookie, TokenIn(html), Fields(unit, InterventionTypes.LeadershipCoaching, WorkspaceSeed.Waves[^1], "Coaching van de leiding <i>na</i> de meting"));

        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        var location = saved.Headers.Location!.OriginalString;
        Assert.StartsWith("/ipim/unit?id=", location, StringComparison.Ordinal);
        var page = new HtmlParser().ParseDocument(await (await WorkspaceHttp.GetAsync(client, location, cookie)).Content.ReadAsStringAsync());
        var notes = page.QuerySelectorAll("section[aria-labelledby=interventions] [data-label=notes]").Select(n => n.TextContent).ToList();
        Assert.Contains("Coaching van de leiding <i>na</i> de meting", notes);

        var audit = await (await WorkspaceHttp.GetAsync(client, "/ipim/audit?lang=en", cookie)).Content.ReadAsStringAsync();
        var rows = new HtmlParser().ParseDocument(audit).QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains(Editor, StringComparison.Ordinal) && r.Contains("recorded an intervention", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains(Editor, StringComparison.Ordinal) && r.Contains("viewed a unit page", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InvalidRecord_Is400_WithEveryProblemOnTheForm_AndNothingIsStored()
    {
        using var client = workspace.Client();
        var cookie = workspace.Cookie(Editor, WorkspaceRoles.Editor);
        var before = await CountAsync();

        using var refused = await PostAsync(client, "/ipim/interventions/new", cookie, workspace.Antiforgery(workspace.UserId(Editor)), Fields("no such unit", "yoga", "", new string('x', InterventionRules.MaxNotesLength + 1)));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var document = new HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        var summary = document.QuerySelectorAll(".problems li a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Superset(new HashSet<string?> { "#f-intervention", "#f-start_wave", "#f-notes" }, summary.ToHashSet());
        Assert.Equal("no such unit", document.QuerySelector("#f-unit")!.GetAttribute("value"));
        Assert.Equal("true", document.QuerySelector("#f-notes")!.GetAttribute("aria-invalid"));
        var problems = document.QuerySelectorAll(".problems li, .field-problem").ToList();
        Assert.Contains(problems, p => p.TextContent.Contains("'no such unit' staat niet in het huidige personeelsbestand", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.TextContent.Contains("zijn 1.001 tekens lang; kort ze in tot ten hoogste 1.000", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.QuerySelector("[lang=en]") is not null || p.TextContent.Contains("characters", StringComparison.Ordinal));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task TheForm_RefusesWhatItsHintsRefuse_KeepsWhatWasTyped_AndTakesAUnitByItsName()
    {
        using var client = workspace.Client();
        var cookie = workspace.Cookie(Editor, WorkspaceRoles.Editor);
        var token = workspace.Antiforgery("dev:" + Editor);
        var before = await CountAsync();

        using var refused = await PostAsync(client, "/ipim/interventions/new?lang=en", cookie, token,
            [(InterventionFields.Unit, "PI Zwolle"), (InterventionFields.Type, InterventionTypes.DilemmaTraining), (InterventionFields.StartWave, "2031-01"), (InterventionFields.Status, InterventionStatuses.Planned), (InterventionFields.Owner, "els.editor@minbzk.nl"), (InterventionFields.Notes, "")]);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var document = new HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        var problems = string.Join('\n', document.QuerySelectorAll(".problems li").Select(p => p.TextContent));
        Assert.Contains("is an email address: give the IPIM colleague's name instead", problems, StringComparison.Ordinal);
        Assert.Contains("'2031-01' is not a wave of the schedule", problems, StringComparison.Ordinal);
        Assert.Equal("PI Zwolle", document.QuerySelector("#f-unit")!.GetAttribute("value"));
        Assert.Equal("els.editor@minbzk.nl", document.QuerySelector("#f-owner")!.GetAttribute("value"));
        Assert.Equal(before, await CountAsync());
        var offered = document.QuerySelectorAll("#f-start_wave option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains(WorkspaceSeed.Waves[^1], offered);
        Assert.Contains(document.QuerySelectorAll("#f-unit-list option"), o => o.GetAttribute("value") == "JenV/DJI/PI Zwolle" && o.GetAttribute("label")!.StartsWith("PI Zwolle (", StringComparison.Ordinal));

        using var saved = await PostAsync(client, "/ipim/interventions/new", cookie, token,
            [(InterventionFields.Unit, "pi zwolle"), (InterventionFields.Type, InterventionTypes.DilemmaTraining), (InterventionFields.StartWave, WorkspaceSeed.Waves[^1]), (InterventionFields.Status, InterventionStatuses.Planned), (InterventionFields.Owner, "Els Editor"), (InterventionFields.Notes, "")]);

        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        Assert.Contains(await workspace.Pipeline.Get<InterventionStore>().ListAsync(new InterventionFilter(Unit: "JenV/DJI/PI Zwolle"), CancellationToken.None), i => i.Intervention.Type == InterventionTypes.DilemmaTraining);
    }

    [Fact]
    public async Task ChangeBasedOnAnOldVersion_Is409_ShowsTheirs_AndKeepsTheirs()
    {
        using var client = workspace.Client();
        var cookie = workspace.Cookie(Editor, WorkspaceRoles.Editor);
        var store = workspace.Pipeline.Get<InterventionStore>();
        var mine = (await store.AddAsync(new("", "FIN/Belastingdienst", InterventionTypes.ReportingRoutes, "2027-08", InterventionStatuses.Planned, "Els", "eerste"), Actors.Named("Els"), CancellationToken.None)).Intervention!;
        var formHtml = await (await WorkspaceHttp.GetAsync(client, "/ipim/interventions/edit?id=" + mine.Intervention.Id, cookie)).Content.ReadAsStringAsync();
        var theirs = (await store.UpdateAsync(mine.Intervention with { Notes = "hun wijziging" }, mine.Version, Actors.Named("Other Editor"), CancellationToken.None)).Intervention!;

        using var conflict = await PostAsync(client, "/ipim/interventions/edit", cookie, TokenIn(formHtml),
            [(InterventionFields.Id, mine.Intervention.Id), ("version", VersionIn(formHtml)), (InterventionFields.StartWave, "2027-08"), (InterventionFields.Status, InterventionStatuses.Running), (InterventionFields.Owner, "Els"), (InterventionFields.Notes, "mijn wijziging")]);

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var html = await conflict.Content.ReadAsStringAsync();
        Assert.Contains("hun wijziging", html, StringComparison.Ordinal);
        Assert.Contains("mijn wijziging", html, StringComparison.Ordinal);
        Assert.Equal(theirs.Version, VersionIn(html));
        Assert.Equal("hun wijziging", (await store.GetAsync(mine.Intervention.Id, CancellationToken.None))!.Intervention.Notes);
    }

    [Fact]
    public async Task Ending_SetsTheStatus_AndAReadersOrAForgedPostChangesNothing()
    {
        using var client = workspace.Client();
        var store = workspace.Pipeline.Get<InterventionStore>();
        var stored = (await store.AddAsync(new("", "JenV/DJI", InterventionTypes.DilemmaTraining, "2027-07", InterventionStatuses.Running, "Els", ""), Actors.Named("Els"), CancellationToken.None)).Intervention!;
        (string, string)[] end = [(InterventionFields.Id, stored.Intervention.Id)];

        using var reader = await PostAsync(client, "/ipim/interventions/end", workspace.Cookie("Ria Lezer", WorkspaceRoles.Reader), workspace.Antiforgery(workspace.UserId("Ria Lezer")), end);
        using var forged = await PostAsync(client, "/ipim/interventions/end", workspace.Cookie(Editor, WorkspaceRoles.Editor), workspace.Antiforgery(workspace.UserId("Someone Else")), end);
        Assert.Equal(HttpStatusCode.Forbidden, reader.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(InterventionStatuses.Running, (await store.GetAsync(stored.Intervention.Id, CancellationToken.None))!.Intervention.Status);

        using var ended = await PostAsync(client, "/ipim/interventions/end", workspace.Cookie(Editor, WorkspaceRoles.Editor), workspace.Antiforgery(workspace.UserId(Editor)), end);
        Assert.Equal(HttpStatusCode.SeeOther, ended.StatusCode);
        Assert.Equal(InterventionStatuses.Ended, (await store.GetAsync(stored.Intervention.Id, CancellationToken.None))!.Intervention.Status);
    }

    [Fact]
    public async Task TheLongestValidForm_InTheWorstEncoding_IsSaved_AndALargerBodyIs413()
    {
        using var client = workspace.Client();
        var cookie = workspace.Cookie(Editor, WorkspaceRoles.Editor);
        var store = workspace.Pipeline.Get<InterventionStore>();
        var stored = (await store.AddAsync(new("", "BZK/DGDOB", InterventionTypes.GoodConversation, "2027-11", InterventionStatuses.Planned, "Els", ""), Actors.Named("Els"), CancellationToken.None)).Intervention!;
        var formHtml = await (await WorkspaceHttp.GetAsync(client, "/ipim/interventions/edit?id=" + stored.Intervention.Id, cookie)).Content.ReadAsStringAsync();

        // Every field at its longest, each character an accented letter of three UTF-8 bytes (ẽ, U+1EBD), each byte
        // percent-encoded as the browser sends it: nine bytes a character.
        var notes = new string('\u1EBD', InterventionRules.MaxNotesLength);
        var owner = new string('\u1EBD', InterventionRules.MaxOwnerLength);
        var longest = new FormUrlEncodedContent([
            new(InterventionFields.Id, stored.Intervention.Id), new(InterventionFormModel.VersionField, VersionIn(formHtml)),
            new(InterventionFields.Unit, new string('\u1EBD', Models.Identifiers.Identifier.MaxLength)), new(InterventionFields.Type, new string('\u1EBD', Models.Identifiers.Identifier.MaxLength)),
            new(InterventionFields.StartWave, "2027-11"), new(InterventionFields.Status, InterventionStatuses.Running),
            new(InterventionFields.Owner, owner), new(InterventionFields.Notes, notes), new(WorkspaceAntiforgery.FieldName, TokenIn(formHtml))]);
        var size = (await longest.ReadAsByteArrayAsync()).Length;
        Assert.InRange(size, 4 * 1024 * 2, WorkspaceForm.MaxBodyBytes); // twice the old 4 KiB limit, within the new one

        using var saved = await Post(client, "/ipim/interventions/edit", cookie, longest);
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        var after = (await store.GetAsync(stored.Intervention.Id, CancellationToken.None))!;
        Assert.Equal((notes, owner, InterventionStatuses.Running), (after.Intervention.Notes, after.Intervention.Owner, after.Intervention.Status));

        // One byte more than any valid form: refused unread with its own page, with or without a Content-Length.
        var tooLarge = System.Text.Encoding.ASCII.GetBytes($"{WorkspaceAntiforgery.FieldName}={TokenIn(formHtml)}&{InterventionFields.Id}={stored.Intervention.Id}&{InterventionFields.Notes}=");
        tooLarge = [.. tooLarge, .. Enumerable.Repeat((byte)'x', WorkspaceForm.MaxBodyBytes + 1 - tooLarge.Length)];
        foreach (var content in new HttpContent[] { new ByteArrayContent(tooLarge), new ChunkedContent(tooLarge) })
        {
            content.Headers.ContentType = new("application/x-www-form-urlencoded");
            using var refused = await Post(client, "/ipim/interventions/edit", cookie, content);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
            Assert.Contains("Formulier te groot", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(after, await store.GetAsync(stored.Intervention.Id, CancellationToken.None));
    }

    [Fact]
    [Trait(TestCategories.Name, TestCategories.Browser)]
    public async Task Editor_InTheBrowser_RecordsFromTheUnitPage_AndSeesItThere()
    {
        await using var browser = await Chromium.LaunchAsync();
        await browser.Context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = DevSignInCookie.Name, Value = workspace.Cookie(Editor, WorkspaceRoles.Editor).Split('=', 2)[1], Url = workspace.BaseUrl + "/ipim" }]);
        var page = browser.Page;
        await page.GotoAsync(workspace.BaseUrl + "/ipim/unit?id=" + Uri.EscapeDataString("FIN/Toeslagen") + "&lang=en");

        await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Record an intervention for this unit" }).ClickAsync();
        Assert.Equal("FIN/Toeslagen", await page.Locator("#f-unit").InputValueAsync());
        await page.Locator("#f-intervention").SelectOptionAsync(InterventionTypes.ReportingRoutes);
        await page.Locator("#f-start_wave").SelectOptionAsync(WorkspaceSeed.Waves[^1]);
        await page.Locator("#f-notes").FillAsync("Posters <b>en</b> intranet\u202E");
        await page.Locator("form.record button[type=submit]").ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("/ipim/unit?id=", StringComparison.Ordinal));
        var notes = await page.Locator("section[aria-labelledby=interventions] [data-label=notes]").AllInnerTextsAsync();
        Assert.Contains(notes, n => n.StartsWith("Posters <b>en</b> intranet", StringComparison.Ordinal));
        Assert.True(browser.ConsoleProblems.Count == 0, string.Join('\n', browser.ConsoleProblems));
    }

    private static async Task<HttpResponseMessage> Post(HttpClient client, string url, string cookie, HttpContent content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    private async Task<int> CountAsync() => (await workspace.Pipeline.Get<InterventionStore>().ListAsync(InterventionFilter.All, CancellationToken.None)).Count;

    private static (string, string)[] Fields(string unit, string type, string startWave, string notes) =>
        [(InterventionFields.Unit, unit), (InterventionFields.Type, type), (InterventionFields.StartWave, startWave), (InterventionFields.Status, InterventionStatuses.Planned), (InterventionFields.Owner, Editor), (InterventionFields.Notes, notes)];

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string cookie, string token, (string Name, string Value)[] fields) =>
        WorkspaceHttp.SendAsync(client, HttpMethod.Post, url, cookie, [.. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)), new(WorkspaceAntiforgery.FieldName, token)]);

    private static string TokenIn(string html) => TokenPattern().Match(html).Groups[1].Value;

    private static string VersionIn(string html) => WebUtility.HtmlDecode(VersionPattern().Match(html).Groups[1].Value);

    [GeneratedRegex("name=\"antiforgery\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("name=\"version\" value=\"([^\"]+)\"")]
    private static partial Regex VersionPattern();
}
