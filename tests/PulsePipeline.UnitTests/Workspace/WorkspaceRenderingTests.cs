using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Workspace;
using PulsePipeline.Workspace.Access;
using PulsePipeline.Workspace.Pages;
using PulsePipeline.Workspace.Reading;
using PulsePipeline.Workspace.Rendering;

namespace PulsePipeline.UnitTests.Workspace;

/// <summary>Pages rendered in memory: the stylesheet is exactly the one the CSP allows, and nothing else runs or styles.</summary>
public sealed partial class WorkspaceRenderingTests
{
    private const string Hostile = "<script>alert(1)</script>\u202E=SUM(A1)";

    private static PageContext Context(Language language) => new(
        language,
        new SignInState(WorkspaceHost.Local, null, WorkspacePrincipal.Create("dev:r", "Ria", [WorkspaceRoles.Reader])),
        "token",
        WorkspacePage.Overview,
        "/ipim",
        []);

    private static FlagRow Flag(string unit) => new("2027-02", unit, "Scored", true, 0.9, 40, 0.6, 0.2, -0.1, 0.2, "pressure +0.60 (±0.20) vs own history");

    private static Task<string> OverviewAsync(Language language)
    {
        var root = new PublishedRow("2027-02", "root", "Rijk", "", true, 400, 600, 400 / 600.0, new Dictionary<Construct, ConstructResult>(), new Dictionary<string, IReadOnlyList<long>>());
        var model = new OverviewModel(new PublishedWave("2027-02", "v1"), root, null, [new FlaggedUnit("a/b", Hostile, Flag("a/b"))]);
        return PageRenderer.RenderAsync<OverviewPage>(new Dictionary<string, object?> { ["Context"] = Context(language), ["Model"] = model });
    }

    [Theory]
    [InlineData(Language.Nl)]
    [InlineData(Language.En)]
    public async Task InlineStylesheet_HashesToTheCspSource(Language language)
    {
        var html = await OverviewAsync(language);
        var css = StyleElement().Match(html).Groups[1].Value;

        Assert.Equal(WorkspaceStyle.HashSource, $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(css)))}'");
        Assert.Contains(WorkspaceStyle.HashSource, WorkspaceHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains($"<html lang=\"{language.Code()}\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_HaveNoScriptNoInlineStyleAttribute_AndShowHostileNamesAsText()
    {
        var html = await OverviewAsync(Language.Nl);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(StyleAttribute(), html);
        Assert.Contains("<bdi data-label=\"unit\">&lt;script&gt;alert(1)&lt;/script&gt;\u202E=SUM(A1)</bdi>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Links_KeepTheLanguage()
    {
        var html = await OverviewAsync(Language.En);

        Assert.Contains("href=\"/ipim/heatmap?lang=en\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/ipim/unit?id=a%2Fb&amp;lang=en\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/ipim\" lang=\"nl\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void DutchFigures_UseADecimalCommaAndARealMinus()
    {
        Assert.Equal("\u22120,62", FigureFormat.Format(-0.62, FigureKind.Change, Language.Nl));
        Assert.Equal("+0.62", FigureFormat.Format(0.62, FigureKind.Change, Language.En));
        Assert.Equal("121.000", FigureFormat.Format(121000, FigureKind.Count, Language.Nl));
        Assert.Equal("67%", FigureFormat.Format(0.6667, FigureKind.Percent, Language.En));
    }

    [GeneratedRegex("<style>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleElement();

    [GeneratedRegex(@"<[^>]+\sstyle\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex StyleAttribute();
}
