using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.Options;
using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.IntegrationTests.Plans;
using PulsePipeline.Models.Interventions;
using PulsePipeline.Models.Plans;
using PulsePipeline.Models.Waves;
using PulsePipeline.Pipeline.Configuration;
using PulsePipeline.Pipeline.Interventions;
using PulsePipeline.Pipeline.Plans;
using PulsePipeline.Workspace.Access;
using PulsePipeline.Workspace.Plans;

namespace PulsePipeline.IntegrationTests.Workspace;

/// <summary>
/// The editors' plan forms end to end on `pulse host` over Azurite, on a workspace of their own (they write): a plan
/// registered from the form with the default units filled in, a refused one (400, every problem by field, nothing
/// stored), the draw (final: a second one is refused with the seed), a withdrawal, and a reader's draw refused (403)
/// with nothing written. The published wave lies just before the schedule's next wave, so the form has waves to offer.
/// </summary>
public sealed class PlanFormTests : IAsyncLifetime
{
    private const string Editor = "Els de Vries";
    private TestPipeline pipeline = default!;
    private Microsoft.AspNetCore.Builder.WebApplication host = default!;
    private IReadOnlyList<string> upcoming = [];

    public async Task InitializeAsync()
    {
        pipeline = await TestPipeline.CreateAsync(values => values["PULSE_DEV_SIGNIN"] = "true");
        var schedule = pipeline.Get<IOptions<PulseOptions>>().Value.WaveSchedule;
        upcoming = WaveSchedule.Next(schedule, DateTimeOffset.UtcNow, 3);
        var published = DateOnly.ParseExact(upcoming[0], "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await PlanUnits.CreateAsync(pipeline, published);
        host = await pipeline.StartHttpHostAsync();
    }

    [Fact]
    public async Task Editor_RegistersFromTheForm_DrawsOnce_AndWithdrawsAMember()
    {
        using var client = Client();
        var cookie = Cookie(Editor, WorkspaceRoles.Editor);
        using var blank = await WorkspaceHttp.GetAsync(client, "/ipim/plans/new", cookie);
        Assert.Equal(HttpStatusCode.OK, blank.StatusCode);
        var form = Parse(await blank.Content.ReadAsStringAsync());
        var units = ((IHtmlTextAreaElement)form.QuerySelector($"textarea[name={PlanFields.Units}]")!).Value;
        Assert.Equal(PlanUnits.Flagged, units.Split('\n'));
        Assert.Equal(upcoming, form.QuerySelectorAll($"select[name={PlanFields.FirstStartWave}] option").Select(o => o.GetAttribute("value")));

        using var saved = await PostAsync(client, "/ipim/plans/new", cookie, Registration(units, cohorts: "3"));
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        var plan = Assert.Single(await pipeline.Get<PlanStore>().ListAsync(CancellationToken.None));
        Assert.EndsWith("#plan-" + plan.Id, saved.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal((InterventionTypes.GoodConversation, PlanStrata.Ministry), (plan.Type, plan.Strata));
        Assert.Equal(upcoming, plan.StartWaves);
        Assert.Equal(PlanUnits.Flagged, plan.Eligible.Select(c => c.Unit));
        var page = Parse(await (await WorkspaceHttp.GetAsync(client, saved.Headers.Location.OriginalString, cookie)).Content.ReadAsStringAsync());
        Assert.Equal(PlanFormTexts.Nl.Registered, page.QuerySelector("p.note[role=status]")!.TextContent);

        using var drawn = await PostAsync(client, "/ipim/plans/draw", cookie, [new(PlanFields.Plan, plan.Id)]);
        Assert.Equal(HttpStatusCode.SeeOther, drawn.StatusCode);
        var drawing = (await pipeline.Get<PlanStore>().GetAsync(plan.Id, CancellationToken.None))!.Drawing!;
        Assert.Equal(plan.Eligible.Count, (await pipeline.Get<InterventionStore>().ListAsync(null, CancellationToken.None)).Count(s => s.Intervention.Plan == plan.Id));

        using var again = await PostAsync(client, "/ipim/plans/draw?lang=en", cookie, [new(PlanFields.Plan, plan.Id)]);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var refusal = Parse(await again.Content.ReadAsStringAsync()).QuerySelector("[role=alert]")!.TextContent;
        Assert.Contains($"(seed {drawing.Seed}); a draw is final", refusal, StringComparison.Ordinal);
        var after = (await pipeline.Get<PlanStore>().GetAsync(plan.Id, CancellationToken.None))!.Drawing!;
        Assert.Equal((drawing.Seed, drawing.Members), (after.Seed, after.Members), (a, b) => a.Seed == b.Seed && a.Members.SequenceEqual(b.Members));

        var member = drawing.Members[2].Unit;
        using var noReason = await PostAsync(client, "/ipim/plans/withdraw", cookie, [new(PlanFields.Plan, plan.Id), new(PlanFields.Unit, member), new(PlanFields.Reason, " ")]);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        using var withdrawn = await PostAsync(client, "/ipim/plans/withdraw", cookie, [new(PlanFields.Plan, plan.Id), new(PlanFields.Unit, member), new(PlanFields.Reason, "samengevoegd")]);
        Assert.Equal(HttpStatusCode.SeeOther, withdrawn.StatusCode);
        var withdrawal = Assert.Single((await pipeline.Get<PlanStore>().GetAsync(plan.Id, CancellationToken.None))!.Withdrawals);
        Assert.Equal((member, "samengevoegd", Editor), (withdrawal.Unit, withdrawal.Reason, withdrawal.ByName));
    }

    [Fact]
    public async Task ARefusedRegistration_Is400_WithEveryProblemByField_AndNothingIsStored()
    {
        using var client = Client();
        var cookie = Cookie(Editor, WorkspaceRoles.Editor);

        using var refused = await PostAsync(client, "/ipim/plans/new?lang=en", cookie, Registration(PlanUnits.All[0], cohorts: "3", capacity: "2"));
        using var unknown = await PostAsync(client, "/ipim/plans/new", cookie, Registration("nergens\n" + string.Join('\n', PlanUnits.All.Skip(1)), cohorts: "2", owner: "els@example.nl"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal(["#f-" + PlanFields.Capacity], page.QuerySelectorAll(".problems li a").Select(a => a.GetAttribute("href")));
        Assert.Equal(PlanUnits.All[0], ((IHtmlTextAreaElement)page.QuerySelector($"textarea[name={PlanFields.Units}]")!).Value);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var fields = Parse(await unknown.Content.ReadAsStringAsync()).QuerySelectorAll(".problems li a").Select(a => a.GetAttribute("href")).ToHashSet();
        Assert.Superset(new HashSet<string?> { "#f-" + PlanFields.Owner }, fields);
        Assert.Empty(await pipeline.Get<PlanStore>().ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AReadersDraw_Is403_AndAnUnknownPlan_Is404_NothingWritten()
    {
        using var client = Client();
        var registered = await pipeline.Get<PlanRegistry>().RegisterAsync(new PlanRequest(InterventionTypes.MoralDeliberation, PlanUnits.All, 4, null, upcoming[0], null, PlanStrata.None, ["speakup"], "Els"), Models.Audit.AuditActors.CommandLine("test"), CancellationToken.None);
        var id = registered.Plan!.Id;

        using var reader = await PostAsync(client, "/ipim/plans/draw", Cookie("Ria Lezer", WorkspaceRoles.Reader), [new(PlanFields.Plan, id)], "Ria Lezer");
        using var missing = await PostAsync(client, "/ipim/plans/draw", Cookie(Editor, WorkspaceRoles.Editor), [new(PlanFields.Plan, "pl-000000000000")]);

        Assert.Equal(HttpStatusCode.Forbidden, reader.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Null((await pipeline.Get<PlanStore>().GetAsync(id, CancellationToken.None))!.Drawing);
        var page = Parse(await (await WorkspaceHttp.GetAsync(client, "/ipim/plans", Cookie("Ria Lezer", WorkspaceRoles.Reader))).Content.ReadAsStringAsync());
        Assert.DoesNotContain(page.QuerySelectorAll("form[method=post]"), f => f.GetAttribute("action")!.Contains("/plans/", StringComparison.Ordinal));
        Assert.Null(page.QuerySelector("a[href*='/plans/new']"));
    }

    private KeyValuePair<string, string>[] Registration(string units, string cohorts = "", string capacity = "", string owner = Editor) =>
    [
        new(PlanFields.Type, InterventionTypes.GoodConversation), new(PlanFields.Units, units), new(PlanFields.Capacity, capacity),
        new(PlanFields.Cohorts, cohorts), new(PlanFields.FirstStartWave, upcoming[0]), new(PlanFields.Strata, PlanStrata.Ministry),
        new(PlanFields.Constructs, PlanFormValues.BothConstructs), new(PlanFields.Owner, owner),
    ];

    private Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string cookie, IEnumerable<KeyValuePair<string, string>> fields, string user = Editor) =>
        WorkspaceHttp.SendAsync(client, HttpMethod.Post, url, cookie, [.. fields, new(WorkspaceAntiforgery.FieldName, WorkspaceAntiforgery.Issue(Keys.Antiforgery, DevSignInCookie.IdFor(Keys.DevSignIn, user), DateTimeOffset.UtcNow))]);

    private string Cookie(string name, string role) => $"{DevSignInCookie.Name}={DevSignInCookie.Create(Keys.DevSignIn, name, role, DateTimeOffset.UtcNow)}";

    private WorkspaceKeys Keys => new(pipeline.Get<IOptions<PulseOptions>>());

    private HttpClient Client() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(pipeline.BaseUrl) };

    private static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    public async Task DisposeAsync()
    {
        await host.StopAsync();
        await host.DisposeAsync();
        await pipeline.DisposeAsync();
    }
}
