using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Pipeline.Survey;

/// <summary>
/// The page frame every survey response shares: one inline stylesheet (allowed by its hash in the CSP, so no
/// other style or script can run), a header with the language switch, and a main landmark. No JavaScript, no
/// external resources. Colours meet WCAG AA contrast; options are at least 48 px high for touch.
/// </summary>
internal static class SurveyHtml
{
    public const string Css =
        "*{box-sizing:border-box}" +
        "html{-webkit-text-size-adjust:100%}" +
        "body{margin:0;font:1.125rem/1.5 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1b1b1b;background:#fff}" +
        "header{background:#154273;color:#fff}" +
        ".bar{max-width:44rem;margin:0 auto;padding:.75rem 1rem;display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:.5rem}" +
        ".brand{margin:0;font-weight:700}" +
        "header a{color:#fff;display:inline-block;padding:.5rem .25rem;min-height:44px}" +
        "main{display:block;max-width:44rem;margin:0 auto;padding:1rem 1rem 3rem}" +
        "h1{font-size:1.75rem;line-height:1.25;margin:1rem 0}" +
        "h2{font-size:1.3rem;line-height:1.3;margin:2rem 0 .75rem}" +
        "a{color:#154273;text-decoration-thickness:.1em;text-underline-offset:.15em}" +
        "a:focus-visible,button:focus-visible,input:focus-visible,.error-summary:focus{outline:3px solid #ffbf47;outline-offset:2px;box-shadow:0 0 0 6px #1b1b1b}" +
        ".privacy{background:#eef3f8;border-left:6px solid #154273;padding:.25rem 1rem;margin:1rem 0}" +
        ".privacy ul{padding-left:1.25rem}" +
        "fieldset{border:0;margin:0 0 1.75rem;padding:0;min-width:0}" +
        "legend{font-weight:700;padding:0;margin-bottom:.5rem}" +
        ".scale{display:grid;gap:.5rem}" +
        ".option{display:flex;align-items:center;gap:.75rem;border:2px solid #5f5f5f;border-radius:6px;padding:0 .75rem;min-height:48px;background:#fff}" +
        ".option:has(input:checked){border-color:#154273;background:#eef3f8}" +
        ".option input{width:1.5rem;height:1.5rem;margin:0;flex:none;accent-color:#154273}" +
        ".option label{flex:1;padding:.625rem 0;cursor:pointer}" +
        "@media (min-width:44rem){.scale{grid-template-columns:repeat(5,1fr)}.option{flex-direction:column;justify-content:center;text-align:center;padding:.5rem .25rem;gap:.25rem}.option label{padding:0}}" +
        ".invalid{border-left:5px solid #a4001d;padding-left:1rem}" +
        ".field-error{color:#a4001d;font-weight:700;margin:0 0 .5rem}" +
        ".error-summary{border:5px solid #a4001d;padding:0 1rem 1rem;margin:1rem 0}" +
        ".error-summary a{color:#a4001d;font-weight:700}" +
        "button{font:inherit;font-weight:700;color:#fff;background:#154273;border:0;border-radius:6px;padding:.75rem 1.5rem;min-height:48px;cursor:pointer}" +
        ".visually-hidden{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}";

    /// <summary>The CSP source that allows exactly <see cref="Css"/> and no other style.</summary>
    public static readonly string StyleHashSource = $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Css)))}'";

    // The pages are UTF-8: accented letters and dashes stay readable; markup characters are still escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Encode(string text) => Encoder.Encode(text);

    /// <summary>A whole page; <paramref name="switchHref"/> is the same page in the other language, or null where switching makes no sense.</summary>
    public static string Page(Language language, string title, string? switchHref, string main)
    {
        var texts = SurveyTexts.For(language);
        var other = language == Language.Nl ? Language.En : Language.Nl;
        var html = new StringBuilder(8 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(language.Code()).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"referrer\" content=\"no-referrer\">\n")
            .Append("<title>").Append(Encode(title)).Append("</title>\n")
            .Append("<style>").Append(Css).Append("</style>\n</head>\n<body>\n")
            .Append("<header><div class=\"bar\"><p class=\"brand\">").Append(Encode(texts.Brand)).Append("</p>");
        if (switchHref is not null)
        {
            html.Append("<a href=\"").Append(Encode(switchHref)).Append("\" lang=\"").Append(other.Code()).Append("\" hreflang=\"").Append(other.Code()).Append("\">")
                .Append(Encode(texts.OtherLanguageName)).Append("</a>");
        }

        html.Append("</div></header>\n<main>\n").Append(main).Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }
}
