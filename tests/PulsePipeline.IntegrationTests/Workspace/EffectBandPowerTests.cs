using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.Options;
using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.Models.Effects;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Interventions;
using PulsePipeline.Pipeline.Configuration;
using PulsePipeline.Pipeline.Effects;
using PulsePipeline.Workspace.Access;

namespace PulsePipeline.IntegrationTests.Workspace;

/// <summary>
/// An inconclusive effect says what IPIM can expect in a unit of its size (issue 21): on the effects page and the unit
/// page, in both languages, the power in its size band over the wave's stored effects, worked out here by hand. Its own
/// workspace over Azurite (it writes effect rows of its own): in the band 10–19, one conclusive speak-up effect (estimate
/// +0.20, interval −0.05 to +0.45, standard error 0.12: a true +0.15 clears the improving half 0.25 with chance
/// Φ(−0.10/0.12) = 20.2%) and one inconclusive one (counted as not found): 10% over 2 effects; a conclusive effect in
/// the band of 20 and more that the inconclusive one must not take in.
/// </summary>
public sealed class EffectBandPowerTests : IAsyncLifetime
{
    private const string Inconclusive = "BZK/DGOO/Team 1";
    private TestPipeline pipeline = default!;
    private Microsoft.AspNetCore.Builder.WebApplication host = default!;

    public async Task InitializeAsync()
    {
        pipeline = await TestPipeline.CreateAsync(values => values["PULSE_DEV_SIGNIN"] = "true");
        await WorkspaceSeed.WriteAsync(pipeline);
        var asOf = WorkspaceSeed.Waves[^1];
        InterventionEffect[] effects =
        [
            Effect("iv-000000000001", "BZK/DGOO/Team 2", 15, 0.20, -0.05, 0.45, 0.12, EffectVerdict.NoClearChange, InconclusiveReason.None),
            Effect("iv-000000000002", Inconclusive, 15, null, null, null, null, EffectVerdict.Inconclusive, InconclusiveReason.TooWide),
            Effect("iv-000000000003", "BZK/DGOO/Team 3", 45, 0.40, 0.30, 0.50, 0.05, EffectVerdict.Improved, InconclusiveReason.None),
        ];
        foreach (var effect in effects)
        {
            await pipeline.Storage.Effects.UpsertEntityAsync(EffectRows.From(asOf, effect));
        }

        host = await pipeline.StartHttpHostAsync();
    }

    [Theory]
    [InlineData("en", "in units of this size (10 to 19 respondents) a true improvement of 0.15 points is labelled improved about 10% of the time (over 2 effects as of this wave)")]
    [InlineData("nl", "in eenheden van deze omvang (10 tot 20 respondenten) wordt een werkelijke verbetering van 0,15 punt ongeveer 10% van de keren als verbeterd herkend (over 2 effecten van deze meting)")]
    public async Task AnInconclusiveEffect_SaysThePowerInItsSizeBand_OnTheEffectsAndUnitPages(string language, string expected)
    {
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(pipeline.BaseUrl) };
        var keys = new WorkspaceKeys(pipeline.Get<IOptions<PulseOptions>>());
        var cookie = $"{DevSignInCookie.Name}={DevSignInCookie.Create(keys.DevSignIn, "Ria Lezer", WorkspaceRoles.Reader, DateTimeOffset.UtcNow)}";

        foreach (var url in new[] { $"/ipim/effects?lang={language}", $"/ipim/unit?id={Uri.EscapeDataString(Inconclusive)}&lang={language}" })
        {
            using var response = await WorkspaceHttp.GetAsync(client, url, cookie);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
            var rows = page.QuerySelectorAll("tr[data-scope^='effect:iv-']").ToList();
            Assert.Contains(expected, rows.Single(r => r.GetAttribute("data-scope")!.Contains("iv-000000000002|speakup", StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain(rows.Where(r => !r.GetAttribute("data-scope")!.Contains("iv-000000000002", StringComparison.Ordinal)), r => r.TextContent.Contains(expected[..12], StringComparison.Ordinal));
        }
    }

    private static InterventionEffect Effect(string id, string unit, double median, double? estimate, double? low, double? high, double? se, EffectVerdict verdict, InconclusiveReason reason) =>
        new(new PlannedIntervention(id, unit, InterventionTypes.GoodConversation, WorkspaceSeed.Waves[^4]), Construct.SpeakUp, [.. WorkspaceSeed.Waves.TakeLast(4)], 6, estimate, low, high, verdict, reason)
        {
            StandardError = se,
            MedianRespondents = median,
            Missing = reason == InconclusiveReason.TooWide ? new EffectShortfall(MoreWaves: 2) : EffectShortfall.None,
        };

    public async Task DisposeAsync()
    {
        await host.StopAsync();
        await host.DisposeAsync();
        await pipeline.DisposeAsync();
    }
}
