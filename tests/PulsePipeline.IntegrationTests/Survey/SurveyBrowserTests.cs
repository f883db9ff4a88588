using Microsoft.Playwright;
using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.Models.Instrument;

namespace PulsePipeline.IntegrationTests.Survey;

/// <summary>
/// A real browser (Debian's headless chromium through Playwright) fills and submits the form in both
/// languages, and axe-core finds no WCAG 2.1 A/AA violation on the form, the form with errors and the
/// thank-you page. No page logs a console error, so the CSP blocks nothing the pages need.
/// </summary>
[Trait(TestCategories.Name, TestCategories.Browser)]
public sealed class SurveyBrowserTests
{
    private static SurveyInstrument Instrument => SurveyScenario.Instrument;

    private static int AnswerFor(int item) => (item % 5) + 1;

    [Fact]
    public async Task Dutch_KeyboardOnly_ErrorsThenAnswers_ReachTheThankYouPage_WithoutAccessibilityViolations()
    {
        await using var survey = await SurveyScenario.StartAsync();
        await using var browser = await Chromium.LaunchAsync();
        var page = browser.Page;
        var token = survey.Token(0);

        var shown = await page.GotoAsync(survey.Pipeline.BaseUrl + SurveyScenario.Path(token, "nl"));
        Assert.Equal(200, shown!.Status);
        Assert.Equal("nl", await page.GetAttributeAsync("html", "lang"));
        await SurveyAxe.AssertNoViolationsAsync(page, "the Dutch form");

        // Focus order: the language switch, one stop per question (its first option), then the button.
        var order = new List<string>();
        for (var i = 0; i < Instrument.Items.Count + 2; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            order.Add(await FocusedAsync(page));
        }

        Assert.Equal(["a:English", .. Instrument.Items.Select(item => $"input:q-{item.Id}-1"), "button:"], order);

        // Submitting nothing shows the errors, focused and announced, with links to the questions.
        var refused = await page.RunAndWaitForResponseAsync(() => page.Keyboard.PressAsync("Enter"), r => r.Request.Method == "POST");
        await page.Locator(".error-summary").WaitForAsync();
        Assert.Equal(400, refused.Status);
        Assert.StartsWith("Fout: ", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.Equal("div:", await FocusedAsync(page));
        Assert.Equal(Instrument.Items.Count, await page.Locator(".error-summary a").CountAsync());
        await SurveyAxe.AssertNoViolationsAsync(page, "the Dutch form with errors");

        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal($"input:q-{Instrument.Items[0].Id}-1", await FocusedAsync(page));
        Assert.Equal("true", await page.GetAttributeAsync($"#q-{Instrument.Items[0].Id}-1", "aria-invalid"));

        // Space picks the focused option, arrows move along the scale, Tab goes to the next question.
        for (var i = 0; i < Instrument.Items.Count; i++)
        {
            await page.Keyboard.PressAsync("Space");
            for (var step = 1; step < AnswerFor(i); step++)
            {
                await page.Keyboard.PressAsync("ArrowRight");
            }

            Assert.Equal($"input:q-{Instrument.Items[i].Id}-{AnswerFor(i)}", await FocusedAsync(page));
            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Equal("button:", await FocusedAsync(page));
        var accepted = await page.RunAndWaitForResponseAsync(() => page.Keyboard.PressAsync("Enter"), r => r.Request.Method == "POST");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Bedankt voor uw antwoorden" }).WaitForAsync();
        Assert.Equal(200, accepted.Status);
        await SurveyAxe.AssertNoViolationsAsync(page, "the Dutch thank-you page");
        Assert.Equal(1, await page.Locator("a[href='https://www.huisvoorklokkenluiders.nl']").CountAsync());

        Assert.True((await survey.TokenRowAsync(token)).Used);
        Assert.Equal(1, await survey.QueuedResponsesAsync());
        Assert.True(browser.ConsoleProblems.Count == 0, string.Join('\n', browser.ConsoleProblems));
    }

    [Fact]
    public async Task English_OnAPhoneByTouch_SwitchesLanguage_FixesAMissingAnswer_AndSubmits()
    {
        await using var survey = await SurveyScenario.StartAsync();
        await using var browser = await Chromium.LaunchAsync(phone: true);
        var page = browser.Page;
        var token = survey.Token(1);

        await page.GotoAsync(survey.Pipeline.BaseUrl + SurveyScenario.Path(token));
        // The wait starts before the tap, so a navigation that finishes quickly is not missed; a loaded CI machine gets 60 s.
        var switched = page.WaitForURLAsync(url => url.EndsWith($"/survey/{token}?lang=en", StringComparison.Ordinal), new() { Timeout = 60_000 });
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).TapAsync();
        await switched;
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        await SurveyAxe.AssertNoViolationsAsync(page, "the English form on a phone");

        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling on a phone");
        foreach (var box in await page.Locator(".option").EvaluateAllAsync<double[][]>("els => els.map(e => [e.getBoundingClientRect().width, e.getBoundingClientRect().height])"))
        {
            Assert.True(box[0] >= 44 && box[1] >= 44, $"an option is {box[0]}×{box[1]} px; touch targets are at least 44×44");
        }

        // Answer all but the last question by tapping the option's label within the question's group.
        var last = Instrument.Items.Count - 1;
        for (var i = 0; i < last; i++)
        {
            await AnswerAsync(page, i);
        }

        var refused = await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Submit answers" }).TapAsync(), r => r.Request.Method == "POST");
        await page.Locator(".error-summary").WaitForAsync();
        Assert.Equal(400, refused.Status);
        Assert.Equal(1, await page.Locator(".error-summary a").CountAsync());
        Assert.Equal($"Choose an answer for question {last + 1}.", await page.Locator(".error-summary a").InnerTextAsync());
        for (var i = 0; i < last; i++)
        {
            Assert.True(await Option(page, i, AnswerFor(i)).IsCheckedAsync(), $"question {i + 1} keeps its answer");
        }

        await SurveyAxe.AssertNoViolationsAsync(page, "the English form with an error on a phone");

        await page.Locator(".error-summary a").TapAsync();
        await AnswerAsync(page, last);
        var accepted = await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Submit answers" }).TapAsync(), r => r.Request.Method == "POST");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Thank you for your answers" }).WaitForAsync();
        Assert.Equal(200, accepted.Status);
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        await SurveyAxe.AssertNoViolationsAsync(page, "the English thank-you page on a phone");

        Assert.True((await survey.TokenRowAsync(token)).Used);
        Assert.Equal(1, await survey.QueuedResponsesAsync());
        Assert.True(browser.ConsoleProblems.Count == 0, string.Join('\n', browser.ConsoleProblems));
    }

    private static ILocator Question(IPage page, int item) =>
        page.GetByRole(AriaRole.Group, new() { Name = $"{item + 1}. {Instrument.Items[item].Text.En}", Exact = true });

    private static ILocator Option(IPage page, int item, int answer) =>
        Question(page, item).GetByRole(AriaRole.Radio, new() { Name = Instrument.ScaleLabels[answer - 1].En, Exact = true });

    private static async Task AnswerAsync(IPage page, int item)
    {
        await Question(page, item).GetByText(Instrument.ScaleLabels[AnswerFor(item) - 1].En, new() { Exact = true }).TapAsync();
        Assert.True(await Option(page, item, AnswerFor(item)).IsCheckedAsync());
    }

    /// <summary>The focused element as "tag:id", or "a:text" for a link.</summary>
    private static Task<string> FocusedAsync(IPage page) =>
        page.EvaluateAsync<string>("() => { const e = document.activeElement; const tag = e.tagName.toLowerCase(); return tag + ':' + (tag === 'a' ? e.textContent : e.id); }");
}
