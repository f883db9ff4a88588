using System.Net;
using System.Text.RegularExpressions;
using PulsePipeline.Models.Alerts;
using PulsePipeline.Models.Effects;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Interventions;
using PulsePipeline.Pipeline.Effects;
using PulsePipeline.Pipeline.Storage.Entities;
using PulsePipeline.Workspace;
using PulsePipeline.Workspace.Access;
using PulsePipeline.Workspace.Pages;
using PulsePipeline.Workspace.Reading;
using PulsePipeline.Workspace.Rendering;

namespace PulsePipeline.UnitTests.Workspace;

/// <summary>
/// Each inconclusive reason, stored as the EstimateEffects step stores it, reads the same in the IPIM digest and on the
/// workspace's effects page, in both languages, with the stored count in the words.
/// </summary>
public sealed partial class EffectWordingParityTests
{
    private const string AsOf = "2027-06";
    private static readonly PlannedIntervention Coaching = new("i-1", "team/a", InterventionTypes.LeadershipCoaching, "2027-03");

    public static TheoryData<string, Language> Cases()
    {
        var data = new TheoryData<string, Language>();
        foreach (var name in Effects().Keys)
        {
            data.Add(name, Language.Nl);
            data.Add(name, Language.En);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task AnInconclusiveReason_ReadsTheSame_InTheDigestAndOnTheWorkspace(string name, Language language)
    {
        var stored = EffectRows.From(AsOf, Effects()[name]);
        var effect = EffectRows.ToEffect(stored);

        var line = DigestLine(new Digest(AsOf, null, [], [], 5) { Effects = [new DigestEffect(["Org", "Team A"], Coaching, 4, [effect])] }, language, "—");
        var (why, when) = (line[..line.IndexOf("; ", StringComparison.Ordinal)], line[(line.IndexOf("; ", StringComparison.Ordinal) + 2)..]);
        var page = await PageTextAsync(new EffectsModel(AsOf, [], [Row(stored)], new Dictionary<string, string> { [Coaching.Unit] = "Team A" }), language);

        Assert.Contains($"{why}. {Labels(language).ConclusiveWhen}: {when}.", page, StringComparison.Ordinal);
        Assert.Equal(EffectReasonTexts.Why(Effects()[name], language).ToString(), why);
        if (Count(effect.Missing) is { } count)
        {
            Assert.Contains(Numbers.Count(count, language), line, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(Language.Nl)]
    [InlineData(Language.En)]
    public async Task APooledEffectWithTooFewUnits_ReadsTheSame_InTheDigestAndOnTheWorkspace(Language language)
    {
        var pooled = new PooledEffect(InterventionTypes.LeadershipCoaching, Construct.Pressure, 1, null, null, null, EffectVerdict.Inconclusive)
        {
            Reason = InconclusiveReason.TooFewUnits,
            Missing = new EffectShortfall(Units: 1),
            Inconclusive = 3,
        };
        var stored = EffectRows.From(AsOf, pooled);
        var line = DigestLine(new Digest(AsOf, null, [], [], 5) { Effects = [new DigestEffect(["Org"], Coaching, 4, [])], Pooled = [EffectRows.ToPooled(stored)] }, language, "—");
        var why = line[..line.IndexOf(" (", StringComparison.Ordinal)];
        var when = line[(line.IndexOf("); ", StringComparison.Ordinal) + 3)..];
        var page = await PageTextAsync(new EffectsModel(AsOf, [Row(stored)], [], new Dictionary<string, string>()), language);

        Assert.Contains($"{why}. {Labels(language).ConclusiveWhen}: {when}.", page, StringComparison.Ordinal);
        Assert.Contains(Numbers.Count(1, language), why, StringComparison.Ordinal);
    }

    /// <summary>One inconclusive effect per reason, with the counts the estimator gives it.</summary>
    private static Dictionary<string, InterventionEffect> Effects()
    {
        InterventionEffect Of(InconclusiveReason reason, EffectShortfall missing, params string[] post) =>
            new(Coaching, Construct.SpeakUp, post, 5, null, null, null, EffectVerdict.Inconclusive, reason) { Missing = missing };
        return new(StringComparer.Ordinal)
        {
            ["NoPostWave"] = Of(InconclusiveReason.NoPostWave, new EffectShortfall(MoreWaves: 1)),
            ["TooFewPreWaves"] = Of(InconclusiveReason.TooFewPreWaves, new EffectShortfall(PreWaves: 2)),
            ["Confounded"] = Of(InconclusiveReason.Confounded, EffectShortfall.None),
            ["TooFewComparisonUnits"] = Of(InconclusiveReason.TooFewComparisons, new EffectShortfall(ComparisonUnits: 7, ComparisonWindows: 40), "2027-03", "2027-04"),
            ["TooFewComparisonWindows"] = Of(InconclusiveReason.TooFewComparisons, new EffectShortfall(ComparisonUnits: 0, ComparisonWindows: 1250), "2027-03"),
            ["TooWide"] = Of(InconclusiveReason.TooWide, new EffectShortfall(MoreWaves: 5), "2027-03", "2027-05"),
            ["TooWideForTheWavesLeft"] = Of(InconclusiveReason.TooWide, new EffectShortfall(MoreWaves: 0), "2027-03", "2027-04", "2027-05"),
        };
    }

    private static int? Count(EffectShortfall missing) =>
        (missing.MoreWaves is > 0 ? missing.MoreWaves : null) ?? missing.PreWaves ?? (missing.ComparisonUnits is > 0 ? missing.ComparisonUnits : missing.ComparisonWindows);

    /// <summary>As the workspace's read model maps a stored row.</summary>
    private static EffectRow Row(EffectEntity e) =>
        new(e.PartitionKey, e.RowKey, e.IsPooled, e.Unit, e.InterventionId, e.Type, e.StartWave, e.Construct == "speakup" ? Construct.SpeakUp : Construct.Pressure, e.PostWaves, e.Estimate, e.CiLow, e.CiHigh, e.Verdict, e.Reason, e.Inconclusive)
        {
            Missing = EffectRows.MissingOf(e),
        };

    /// <summary>The digest's inconclusive line (text part), after its verdict and dash.</summary>
    private static string DigestLine(Digest digest, Language language, string dash)
    {
        var marker = $"{EffectReasonTexts.Verdict(EffectVerdict.Inconclusive, language)} {dash} ";
        var line = IpimDigest.Compose(digest, language).Text.Split('\n').Single(l => l.Contains(marker, StringComparison.Ordinal)).TrimEnd();
        return line[(line.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..];
    }

    private static async Task<string> PageTextAsync(EffectsModel model, Language language)
    {
        var context = new PageContext(language, new SignInState(WorkspaceHost.Local, null, WorkspacePrincipal.Create("dev:r", "Ria", [WorkspaceRoles.Reader])), "token", WorkspacePage.Effects, "/ipim/effects", []);
        var html = await PageRenderer.RenderAsync<EffectsPage>(new Dictionary<string, object?> { ["Context"] = context, ["Model"] = model });
        return WebUtility.HtmlDecode(Tag().Replace(html, ""));
    }

    private static RegistryTexts Labels(Language language) => RegistryTexts.For(language);

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
