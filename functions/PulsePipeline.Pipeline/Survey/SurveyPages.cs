using System.Globalization;
using System.Text;
using PulsePipeline.Models.Instrument;
using static PulsePipeline.Pipeline.Survey.SurveyHtml;

namespace PulsePipeline.Pipeline.Survey;

/// <summary>
/// Renders the survey's pages as plain HTML: the form (with an error summary and per-question errors when a
/// submission was refused), the thank-you page and one page per <see cref="SurveyProblem"/>. Pure: no I/O.
/// </summary>
public static class SurveyPages
{
    public static string Form(SurveyPage page, SurveyInstrument instrument, SurveyFormResult state)
    {
        var texts = SurveyTexts.For(page.Language);
        var hasErrors = !state.IsValid && (state.Errors.Count > 0 || state.UnexpectedFields);
        var main = new StringBuilder(16 * 1024);
        if (hasErrors)
        {
            AppendErrorSummary(main, texts, instrument, state);
        }

        main.Append("<h1>").Append(Encode(texts.FormHeading)).Append("</h1>\n")
            .Append("<p>").Append(Encode(Format(texts.Intro, instrument.Items.Count))).Append("</p>\n")
            .Append("<section class=\"privacy\" aria-labelledby=\"privacy\"><h2 id=\"privacy\">").Append(Encode(texts.PrivacyHeading)).Append("</h2>\n<ul>\n");
        foreach (var line in texts.Privacy)
        {
            main.Append("<li>").Append(Encode(Format(line, page.K))).Append("</li>\n");
        }

        main.Append("</ul></section>\n")
            .Append("<form method=\"post\" action=\"").Append(Encode(page.FormHref(page.Language) ?? "")).Append("\" novalidate autocomplete=\"off\">\n")
            .Append("<h2>").Append(Encode(texts.QuestionsHeading)).Append("</h2>\n<p>").Append(Encode(texts.QuestionsHint)).Append("</p>\n");
        for (var i = 0; i < instrument.Items.Count; i++)
        {
            AppendItem(main, page.Language, instrument, i, state);
        }

        main.Append("<button type=\"submit\">").Append(Encode(texts.Submit)).Append("</button>\n</form>\n");
        var title = hasErrors ? texts.ErrorPrefix + texts.FormTitle : texts.FormTitle;
        return Page(page.Language, title, page.FormHref(page.OtherLanguage), main.ToString());
    }

    public static string ThankYou(SurveyPage page)
    {
        var texts = SurveyTexts.For(page.Language);
        var main = new StringBuilder();
        main.Append("<h1>").Append(Encode(texts.ThanksTitle)).Append("</h1>\n<p>").Append(Encode(texts.ThanksText)).Append("</p>\n");
        AppendHelp(main, page, texts);
        return Page(page.Language, $"{texts.ThanksTitle} – {texts.Brand}", null, main.ToString());
    }

    public static string Problem(SurveyPage page, SurveyProblem problem)
    {
        var texts = SurveyTexts.For(page.Language);
        var (title, paragraphs) = texts.Problems[problem];
        var main = new StringBuilder();
        main.Append("<h1>").Append(Encode(title)).Append("</h1>\n");
        foreach (var paragraph in paragraphs)
        {
            main.Append("<p>").Append(Encode(paragraph)).Append("</p>\n");
        }

        // Where the form can still be answered, lead back to it; where it cannot, point to where help is.
        var formHref = page.FormHref(page.Language);
        if (problem is (SurveyProblem.TooLarge or SurveyProblem.UnsupportedContent or SurveyProblem.MethodNotAllowed or SurveyProblem.Unavailable) && formHref is not null)
        {
            main.Append("<p><a href=\"").Append(Encode(formHref)).Append("\">").Append(Encode(texts.BackToForm)).Append("</a></p>\n");
        }
        else if (problem is SurveyProblem.AlreadyAnswered or SurveyProblem.WaveClosed)
        {
            AppendHelp(main, page, texts);
        }

        var switchHref = problem is SurveyProblem.UnknownLink or SurveyProblem.WaveClosed or SurveyProblem.AlreadyAnswered ? page.FormHref(page.OtherLanguage) : null;
        return Page(page.Language, $"{title} – {texts.Brand}", switchHref, main.ToString());
    }

    private static void AppendErrorSummary(StringBuilder main, SurveyTexts texts, SurveyInstrument instrument, SurveyFormResult state)
    {
        // Focused on load (autofocus, no script needed) and announced, so a screen reader hears what to fix first.
        main.Append("<div class=\"error-summary\" role=\"alert\" aria-labelledby=\"error-summary-title\" tabindex=\"-1\" autofocus>\n")
            .Append("<h2 id=\"error-summary-title\">").Append(Encode(texts.ErrorSummaryHeading)).Append("</h2>\n<ul>\n");
        if (state.UnexpectedFields)
        {
            main.Append("<li>").Append(Encode(texts.ErrorUnexpectedFields)).Append("</li>\n");
        }

        for (var i = 0; i < instrument.Items.Count; i++)
        {
            if (state.Errors.TryGetValue(instrument.Items[i].Id, out var error))
            {
                main.Append("<li><a href=\"#").Append(OptionId(instrument.Items[i], 1)).Append("\">").Append(Encode(ErrorText(texts, error, i))).Append("</a></li>\n");
            }
        }

        main.Append("</ul>\n</div>\n");
    }

    private static void AppendItem(StringBuilder main, Language language, SurveyInstrument instrument, int index, SurveyFormResult state)
    {
        var texts = SurveyTexts.For(language);
        var item = instrument.Items[index];
        var hasError = state.Errors.TryGetValue(item.Id, out var error);
        var errorId = $"q-{item.Id}-error";
        main.Append("<fieldset id=\"q-").Append(item.Id).Append('"');
        if (hasError)
        {
            main.Append(" class=\"invalid\" aria-describedby=\"").Append(errorId).Append('"');
        }

        main.Append(">\n<legend>").Append(index + 1).Append(". ").Append(Encode(item.Text.In(language))).Append("</legend>\n");
        if (hasError)
        {
            main.Append("<p class=\"field-error\" id=\"").Append(errorId).Append("\"><span class=\"visually-hidden\">").Append(Encode(texts.ErrorPrefix)).Append("</span>")
                .Append(Encode(ErrorText(texts, error, index))).Append("</p>\n");
        }

        main.Append("<div class=\"scale\">\n");
        for (var answer = SurveyItem.MinAnswer; answer <= SurveyItem.MaxAnswer; answer++)
        {
            var id = OptionId(item, answer);
            main.Append("<div class=\"option\"><input type=\"radio\" id=\"").Append(id).Append("\" name=\"").Append(item.Id).Append("\" value=\"").Append(answer).Append("\" required");
            if (hasError)
            {
                main.Append(" aria-invalid=\"true\"");
            }

            if (state.Answers.TryGetValue(item.Id, out var given) && given == answer)
            {
                main.Append(" checked");
            }

            main.Append("><label for=\"").Append(id).Append("\">").Append(Encode(instrument.ScaleLabels[answer - 1].In(language))).Append("</label></div>\n");
        }

        main.Append("</div>\n</fieldset>\n");
    }

    private static void AppendHelp(StringBuilder main, SurveyPage page, SurveyTexts texts) =>
        main.Append("<h2>").Append(Encode(texts.HelpHeading)).Append("</h2>\n")
            .Append("<p>").Append(Encode(texts.HelpAdviser)).Append(" <a href=\"").Append(Encode(page.AdviserUrl)).Append("\" rel=\"noreferrer\">").Append(Encode(texts.HelpAdviserLink)).Append("</a></p>\n")
            .Append("<p>").Append(Encode(texts.HelpChannel)).Append(" <a href=\"").Append(Encode(page.ChannelUrl)).Append("\" rel=\"noreferrer\">").Append(Encode(texts.HelpChannelLink)).Append("</a></p>\n");

    private static string ErrorText(SurveyTexts texts, SurveyFieldError error, int index) =>
        Format(error == SurveyFieldError.Missing ? texts.ErrorMissing : texts.ErrorInvalid, index + 1);

    private static string OptionId(SurveyItem item, int answer) => $"q-{item.Id}-{answer}";

    private static string Format(string format, int value) => string.Format(CultureInfo.InvariantCulture, format, value);
}
