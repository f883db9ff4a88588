using System.Net;
using System.Text.RegularExpressions;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Interventions;
using PulsePipeline.Workspace;
using PulsePipeline.Workspace.Access;
using PulsePipeline.Workspace.Pages;
using PulsePipeline.Workspace.Rendering;

namespace PulsePipeline.UnitTests.Workspace;

/// <summary>The intervention form rendered in memory with refused values: every problem in the page's language, as text.</summary>
public sealed partial class InterventionFormWordingTests
{
    private static readonly InterventionRecord Refused = new("", "<b>geen</b> eenheid", InterventionTypes.DilemmaTraining, "2027/03", InterventionStatuses.Planned, "Els", "a\tb");

    private static IReadOnlyList<InterventionProblem> Problems() => [.. InterventionRules.Check(Refused), InterventionRules.UnknownUnit(Refused.Unit)];

    private static Task<string> FormAsync(Language language) => PageRenderer.RenderAsync<InterventionFormPage>(new Dictionary<string, object?>
    {
        ["Context"] = new PageContext(
            language,
            new SignInState(WorkspaceHost.Local, null, WorkspacePrincipal.Create("dev:e", "Eva", [WorkspaceRoles.Editor])),
            "token",
            WorkspacePage.InterventionNew,
            "/ipim/interventions/new",
            []),
        ["Model"] = new InterventionFormModel(Refused, null, Problems()),
    });

    [Fact]
    public async Task ADutchForm_WordsEveryProblemInDutch_WithWhatWasTyped_AndNoEnglishDetail()
    {
        var html = await FormAsync(Language.Nl);
        var shown = ProblemParts().Matches(html).Select(m => m.Value).ToList();
        var text = Text(shown);

        Assert.Equal(1 + Problems().Count, shown.Count);
        Assert.Contains("Startmeting: '2027/03' is geen meting-id: 1–32 letters, cijfers, '.', '_' of '-', beginnend met een letter of cijfer (bijvoorbeeld 2027-03-01)", text, StringComparison.Ordinal);
        Assert.Contains("bevatten een stuurteken (U+0009) op positie 2; alleen regeleinden mogen", text, StringComparison.Ordinal);
        Assert.Contains("'<b>geen</b> eenheid' staat niet in het huidige personeelsbestand", text, StringComparison.Ordinal);
        Assert.All(shown, part => Assert.DoesNotContain("lang=\"en\"", part, StringComparison.Ordinal));
        Assert.All(Problems(), p => Assert.DoesNotContain(p.Message, text, StringComparison.Ordinal));
        Assert.DoesNotContain("<b>geen</b>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEnglishForm_ShowsTheRegistrysOwnMessages()
    {
        var text = Text(ProblemParts().Matches(await FormAsync(Language.En)).Select(m => m.Value));

        Assert.All(Problems(), p => Assert.Contains(p.Message, text, StringComparison.Ordinal));
        Assert.DoesNotContain("meting", text, StringComparison.Ordinal);
    }

    private static string Text(IEnumerable<string> parts) => WebUtility.HtmlDecode(Tag().Replace(string.Join("\n", parts), ""));

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    /// <summary>The error summary and each problem beside its field.</summary>
    [GeneratedRegex("<div class=\"problems\".*?</div>|<p class=\"field-problem\".*?</p>", RegexOptions.Singleline)]
    private static partial Regex ProblemParts();
}
