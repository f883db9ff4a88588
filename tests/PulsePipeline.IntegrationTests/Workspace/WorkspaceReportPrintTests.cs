using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PulsePipeline.IntegrationTests.Infrastructure;

namespace PulsePipeline.IntegrationTests.Workspace;

/// <summary>
/// The ministry report printed on A4 by a real browser, in Dutch and English, for one ministry over twelve waves: no
/// navigation, form or edit column on paper, no word broken in the middle, rows kept whole, every table within the
/// page, and at most four pages (page.PdfAsync, the pages counted in the PDF).
/// </summary>
[Collection(SharedWorkspace.Name)]
[Trait(TestCategories.Name, TestCategories.Browser)]
public sealed partial class WorkspaceReportPrintTests(WorkspaceFixture workspace)
{
    /// <summary>A4's width less the print stylesheet's margins (12 mm each side), at 96 px per inch.</summary>
    private const int PrintedWidth = 703;

    private const int MaxPages = 4;

    [Theory]
    [InlineData("nl")]
    [InlineData("en")]
    public async Task MinistryReport_OverTwelveWaves_PrintsCleanly_OnAtMostFourA4Pages(string language)
    {
        Assert.Equal(12, WorkspaceSeed.Waves.Count);
        await using var browser = await Chromium.LaunchAsync();
        await browser.SignInAsync(workspace, PulsePipeline.Workspace.Access.WorkspaceRoles.Editor);
        var page = browser.Page;
        await page.SetViewportSizeAsync(PrintedWidth, 1000);
        await page.GotoAsync($"{workspace.BaseUrl}/ipim/report?unit=BZK&from={WorkspaceSeed.Waves[0]}&to={WorkspaceSeed.Waves[^1]}&lang={language}");
        Assert.True(await page.Locator(".edit").CountAsync() > 0, "an editor's report has edit links on screen");
        await page.EmulateMediaAsync(new() { Media = Media.Print });

        foreach (var hidden in new[] { "header", "form", ".edit", "nav" })
        {
            Assert.False(await page.Locator(hidden).First.IsVisibleAsync(), $"{hidden} is not printed");
        }

        var tables = await page.EvaluateAsync<double[][]>("() => [...document.querySelectorAll('table')].map(t => { const r = t.getBoundingClientRect(); return [r.left, r.right]; })");
        Assert.All(tables, t => Assert.True(t[0] >= 0 && t[1] <= PrintedWidth + 0.5, $"a table [{string.Join(", ", t)}] does not fit the printed width"));
        Assert.Empty(await page.EvaluateAsync<string[]>(BrokenWords));
        Assert.All(await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('tr')].map(r => getComputedStyle(r).breakInside)"), b => Assert.Equal("avoid", b));

        var pdf = await page.PdfAsync(new() { PreferCSSPageSize = true, PrintBackground = true });
        Assert.True(pdf.AsSpan(0, 5).SequenceEqual("%PDF-"u8), "a PDF was printed");
        var pages = PdfPage().Count(Encoding.Latin1.GetString(pdf));
        Assert.InRange(pages, 1, MaxPages);
    }

    /// <summary>Every word of letters and digits that the layout split over two lines (a break at a hyphen or slash is not one).</summary>
    private const string BrokenWords = """
        () => {
          const broken = [];
          const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const word of node.data.matchAll(/[\p{L}\p{N}]+/gu)) {
              const range = document.createRange();
              range.setStart(node, word.index);
              range.setEnd(node, word.index + word[0].length);
              const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
              if (lines.size > 1) broken.push(word[0]);
            }
          }
          return broken;
        }
        """;

    [GeneratedRegex(@"/Type\s*/Page(?!s)")]
    private static partial Regex PdfPage();
}
