using System.Globalization;
using System.Net;
using System.Text;
using PulsePipeline.Models.Email;

namespace PulsePipeline.Models.Alerts;

/// <summary>
/// The IPIM digest email, in plain text and HTML. Unit names come from the roster and are HTML-encoded; every
/// figure in it is a published (k-anonymous) one.
/// </summary>
public static class IpimDigest
{
    public static EmailContent Compose(Digest digest)
    {
        var subject = digest.Raised.Count > 0
            ? $"Integrity pulse {digest.WaveId}: {digest.Raised.Count} unit(s) flagged"
            : $"Integrity pulse {digest.WaveId}: no units flagged";
        var text = new StringBuilder();
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(Encode(subject)).Append("</title></head>")
            .Append("<body style=\"font-family:Arial,sans-serif;font-size:15px;line-height:1.45;color:#1a1a1a;max-width:44em\">");
        Heading(text, html, subject);

        if (digest.Organisation is { Significant: true } organisation)
        {
            Paragraph(text, html, $"Organisation-wide: {organisation.Description}. This change is shared by the whole organisation and is not reported per unit below.");
        }

        if (digest.Raised.Count == 0)
        {
            Paragraph(text, html, "No unit shows an adverse shift beyond what chance explains this wave.");
        }

        foreach (var unit in digest.Raised)
        {
            Unit(text, html, unit);
        }

        if (digest.StillFlagged > 0)
        {
            Paragraph(text, html, $"{digest.StillFlagged} unit(s) flagged in an earlier wave remain flagged without worsening; they are not repeated here.");
        }

        Paragraph(text, html, $"Every figure here is published: it rests on at least {digest.K} respondents, and no individual answer can be seen or derived. Changes are against the unit's own earlier waves with the organisation-wide change taken out; ± is a 95% margin.");
        html.Append("</body></html>");
        return new EmailContent(subject, text.ToString(), html.ToString());
    }

    private static void Unit(StringBuilder text, StringBuilder html, DigestUnit unit)
    {
        var path = string.Join(" › ", unit.Path);
        text.Append('\n').Append(path).Append('\n').Append(new string('-', Math.Min(path.Length, 60))).Append('\n');
        html.Append("<h2 style=\"font-size:17px;margin:1.2em 0 0.3em\">").Append(Encode(path)).Append("</h2><ul>");
        Item(text, html, $"What moved: {unit.Flag.ReasonText}");
        Item(text, html, $"Respondents this wave: {unit.Flag.N}");
        Item(text, html, $"Trend (pressure, higher is worse): {Trend(unit.Trend.Select(t => t.Pressure))}");
        Item(text, html, $"Trend (speak-up safety, higher is better): {Trend(unit.Trend.Select(t => t.SpeakUp))}");
        foreach (var suggestion in unit.Suggestions)
        {
            Item(text, html, $"Suggested: {Interventions.Describe(suggestion)}");
        }

        html.Append("</ul>");
    }

    private static string Trend(IEnumerable<double?> values) =>
        string.Join(" → ", values.Select(v => v is { } x ? x.ToString("0.00", CultureInfo.InvariantCulture) : "–"));

    private static void Heading(StringBuilder text, StringBuilder html, string value)
    {
        text.Append(value).Append("\n\n");
        html.Append("<h1 style=\"font-size:20px\">").Append(Encode(value)).Append("</h1>");
    }

    private static void Paragraph(StringBuilder text, StringBuilder html, string value)
    {
        text.Append('\n').Append(value).Append('\n');
        html.Append("<p>").Append(Encode(value)).Append("</p>");
    }

    private static void Item(StringBuilder text, StringBuilder html, string value)
    {
        text.Append("  - ").Append(value).Append('\n');
        html.Append("<li>").Append(Encode(value)).Append("</li>");
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
