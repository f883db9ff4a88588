using System.Net;
using System.Text;
using PulsePipeline.Models.Email;
using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Models.Alerts;

/// <summary>
/// Writes the digest's plain text and HTML side by side, so a section says each thing once and both bodies carry it.
/// Everything written is HTML-encoded (unit names come from HR systems).
/// </summary>
public sealed class DigestWriter
{
    private readonly StringBuilder text = new();
    private readonly StringBuilder html = new();
    private readonly string subject;
    private bool inList;

    public DigestWriter(Language language, string subject)
    {
        this.subject = subject;
        html.Append("<!DOCTYPE html><html lang=\"").Append(language.Code()).Append("\"><head><meta charset=\"utf-8\"><title>").Append(Encode(subject)).Append("</title></head>")
            .Append("<body style=\"font-family:Arial,sans-serif;font-size:15px;line-height:1.45;color:#1a1a1a;max-width:44em\">");
        text.Append(subject).Append("\n\n");
        html.Append("<h1 style=\"font-size:20px\">").Append(Encode(subject)).Append("</h1>");
    }

    public void Heading(string value)
    {
        EndList();
        text.Append('\n').Append(value).Append('\n').Append(new string('-', Math.Min(value.Length, 60))).Append('\n');
        html.Append("<h2 style=\"font-size:17px;margin:1.2em 0 0.3em\">").Append(Encode(value)).Append("</h2>");
    }

    public void Paragraph(string value)
    {
        EndList();
        text.Append('\n').Append(value).Append('\n');
        html.Append("<p>").Append(Encode(value)).Append("</p>");
    }

    /// <summary>One bullet; consecutive items form one list.</summary>
    public void Item(string value)
    {
        if (!inList)
        {
            html.Append("<ul>");
            inList = true;
        }

        text.Append("  - ").Append(value).Append('\n');
        html.Append("<li>").Append(Encode(value)).Append("</li>");
    }

    public EmailContent Finish()
    {
        EndList();
        return new EmailContent(subject, text.ToString(), html.ToString() + "</body></html>");
    }

    private void EndList()
    {
        if (inList)
        {
            html.Append("</ul>");
            inList = false;
        }
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
