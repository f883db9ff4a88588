using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Pipeline.Survey;

namespace PulsePipeline.UnitTests.Survey;

public sealed partial class SurveyPagesTests
{
    private const string Path = "/survey/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    private static readonly SurveyInstrument Instrument = Instruments.Current;

    private static SurveyPage Page(Language language, int k = 5) =>
        new(language, Path, k, "https://intranet.example.nl/integriteit?a=1&b=2", "https://www.huisvoorklokkenluiders.nl");

    [Theory]
    [InlineData(Language.Nl)]
    [InlineData(Language.En)]
    public void Form_HasAFieldsetWithLegendPerItem_AndFiveLabelledRequiredRadiosEach(Language language)
    {
        var html = SurveyPages.Form(Page(language), Instrument, SurveyFormResult.Empty);

        Assert.Contains($"<html lang=\"{language.Code()}\">", html, StringComparison.Ordinal);
        Assert.Equal(Instrument.Items.Count, Count(html, "<fieldset"));
        Assert.Equal(Instrument.Items.Count, Count(html, "<legend>"));
        foreach (var (item, i) in Instrument.Items.Select((item, i) => (item, i)))
        {
            Assert.Contains($"<legend>{i + 1}. {SurveyHtmlEncode(item.Text.In(language))}</legend>", html, StringComparison.Ordinal);
            for (var answer = 1; answer <= 5; answer++)
            {
                var id = $"q-{item.Id}-{answer}";
                Assert.Contains($"<input type=\"radio\" id=\"{id}\" name=\"{item.Id}\" value=\"{answer}\" required>", html, StringComparison.Ordinal);
                Assert.Contains($"<label for=\"{id}\">{SurveyHtmlEncode(Instrument.ScaleLabels[answer - 1].In(language))}</label>", html, StringComparison.Ordinal);
            }
        }

        Assert.Equal(Instrument.Items.Count * 5, Count(html, "type=\"radio\""));
        Assert.Contains($"<form method=\"post\" action=\"{Path}?lang={language.Code()}\" novalidate autocomplete=\"off\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("aria-invalid", html, StringComparison.Ordinal);
        Assert.DoesNotContain("error-summary\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Form_LinksToTheSameFormInTheOtherLanguage()
    {
        var dutch = SurveyPages.Form(Page(Language.Nl), Instrument, SurveyFormResult.Empty);
        var english = SurveyPages.Form(Page(Language.En), Instrument, SurveyFormResult.Empty);

        Assert.Contains($"<a href=\"{Path}?lang=en\" lang=\"en\" hreflang=\"en\">English</a>", dutch, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{Path}?lang=nl\" lang=\"nl\" hreflang=\"nl\">Nederlands</a>", english, StringComparison.Ordinal);
        Assert.Contains("<title>Vragenlijst – Integriteitspuls</title>", dutch, StringComparison.Ordinal);
        Assert.Contains("<title>Questionnaire – Integrity pulse</title>", english, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Language.Nl, 5, "ten minste 5 collega")]
    [InlineData(Language.En, 7, "at least 7 colleagues")]
    public void Form_SaysWhoSeesWhat_WithTheConfiguredK(Language language, int k, string expected)
    {
        var html = SurveyPages.Form(Page(language, k), Instrument, SurveyFormResult.Empty);

        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.Contains(language == Language.Nl ? "werkt één keer" : "works once", html, StringComparison.Ordinal);
        Assert.Contains(language == Language.Nl ? "geen open vragen" : "no open questions", html, StringComparison.Ordinal);
    }

    [Fact]
    public void FormWithErrors_HasASummaryLinkingToEachField_AndMessagesTiedToTheirFieldsets()
    {
        var state = SurveyFormParser.Parse("p1=3&p2=9&p2=1", Instrument);
        var html = SurveyPages.Form(Page(Language.En), Instrument, state);

        Assert.StartsWith("Error: ", Regex.Match(html, "<title>(.*)</title>").Groups[1].Value, StringComparison.Ordinal);
        Assert.Contains("class=\"error-summary\" role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Equal(Instrument.Items.Count - 1, Count(html, "aria-describedby="));
        foreach (var item in Instrument.Items.Skip(1))
        {
            Assert.Contains($"<a href=\"#q-{item.Id}-1\">", html, StringComparison.Ordinal);
            Assert.Contains($"id=\"q-{item.Id}-1\"", html, StringComparison.Ordinal);
            Assert.Contains($"<fieldset id=\"q-{item.Id}\" class=\"invalid\" aria-describedby=\"q-{item.Id}-error\">", html, StringComparison.Ordinal);
            Assert.Contains($"<p class=\"field-error\" id=\"q-{item.Id}-error\">", html, StringComparison.Ordinal);
        }

        Assert.Contains("Choose one of the five answers for question 2.", html, StringComparison.Ordinal);
        Assert.Contains("Choose an answer for question 3.", html, StringComparison.Ordinal);
        Assert.Equal((Instrument.Items.Count - 1) * 5, Count(html, "aria-invalid=\"true\""));
        Assert.Contains("<fieldset id=\"q-p1\">", html, StringComparison.Ordinal);
        Assert.Contains("value=\"3\" required checked>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void FormWithUnexpectedFields_SaysSo_WithoutEchoingThem()
    {
        var state = SurveyFormParser.Parse(string.Join('&', Instrument.Items.Select(i => $"{i.Id}=2")) + "&comment=%3Cscript%3E", Instrument);
        var html = SurveyPages.Form(Page(Language.Nl), Instrument, state);

        Assert.Contains("gegevens die we niet verwachtten", html, StringComparison.Ordinal);
        Assert.DoesNotContain("comment", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(Language.Nl, "vertrouwenspersoon integriteit", "Huis voor Klokkenluiders")]
    [InlineData(Language.En, "confidential adviser", "Huis voor Klokkenluiders")]
    public void ThankYou_PointsToTheAdviserAndTheReportingChannel_WithoutReferrer(Language language, string adviser, string channel)
    {
        var html = SurveyPages.ThankYou(Page(language));

        Assert.Contains($"<html lang=\"{language.Code()}\">", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://intranet.example.nl/integriteit?a=1&amp;b=2\" rel=\"noreferrer\">", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://www.huisvoorklokkenluiders.nl\" rel=\"noreferrer\">", html, StringComparison.Ordinal);
        Assert.Contains(adviser, html, StringComparison.Ordinal);
        Assert.Contains(channel, html, StringComparison.Ordinal);
        Assert.DoesNotContain(Path, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Language.Nl)]
    [InlineData(Language.En)]
    public void EveryProblem_HasItsOwnTitleAndHeading(Language language)
    {
        var titles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var problem in Enum.GetValues<SurveyProblem>())
        {
            var html = SurveyPages.Problem(Page(language), problem);

            Assert.Contains($"<html lang=\"{language.Code()}\">", html, StringComparison.Ordinal);
            Assert.Equal(1, Count(html, "<h1>"));
            Assert.True(titles.Add(Regex.Match(html, "<title>(.*)</title>").Groups[1].Value), $"{problem} has a title of its own");
        }
    }

    [Fact]
    public void ProblemWithoutAToken_LinksNowhere()
    {
        var html = SurveyPages.Problem(Page(Language.Nl) with { FormPath = null }, SurveyProblem.UnknownLink);

        Assert.DoesNotContain("href=", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Statuses_AreThePreciseOnes()
    {
        Assert.Equal(
            [404, 410, 409, 413, 415, 405, 400, 503],
            new[] { SurveyProblem.UnknownLink, SurveyProblem.WaveClosed, SurveyProblem.AlreadyAnswered, SurveyProblem.TooLarge, SurveyProblem.UnsupportedContent, SurveyProblem.MethodNotAllowed, SurveyProblem.UnknownHost, SurveyProblem.Unavailable }.Select(p => p.Status()));
    }

    [Fact]
    public void Pages_LoadNothing_AndTheirOnlyStyleIsTheOneTheCspAllows()
    {
        string[] pages =
        [
            SurveyPages.Form(Page(Language.Nl), Instrument, SurveyFormResult.Empty),
            SurveyPages.Form(Page(Language.En), Instrument, SurveyFormParser.Parse("", Instrument)),
            SurveyPages.ThankYou(Page(Language.Nl)),
            .. Enum.GetValues<SurveyProblem>().Select(p => SurveyPages.Problem(Page(Language.En), p)),
        ];

        foreach (var html in pages)
        {
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(" src=", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(" style=", html, StringComparison.OrdinalIgnoreCase);
            var style = Assert.Single(StyleElement().Matches(html)).Groups[1].Value;
            var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(style)));
            Assert.Contains($"style-src 'sha256-{hash}'", SurveyHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        }

        Assert.Contains("default-src 'none'", SurveyHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", SurveyHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
    }

    private static string SurveyHtmlEncode(string text) => System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All).Encode(text);

    private static int Count(string html, string needle) => Regex.Count(html, Regex.Escape(needle));

    [GeneratedRegex("<style>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleElement();
}
