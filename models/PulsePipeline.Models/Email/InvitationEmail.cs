using System.Net;
using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Models.Email;

/// <summary>
/// The invitation and reminder emails. They say briefly and truthfully what happens to the answers, and carry
/// the personal link in both bodies. The link is the only personal element; nothing else identifies the wave's
/// recipient in the text.
/// </summary>
public static class InvitationEmail
{
    /// <param name="closesOn">The day the wave closes in the Netherlands (<see cref="DutchCalendar.Day"/>).</param>
    public static EmailContent Compose(Language language, Uri link, int round, DateOnly closesOn, int k)
    {
        var closes = DutchCalendar.Date(closesOn, language);
        var nl = language == Language.Nl;
        var subject = (round, nl) switch
        {
            (0, true) => "Integriteitspuls: één minuut over integriteit in uw werk",
            (0, false) => "Integrity pulse: one minute on integrity at work",
            (_, true) => "Herinnering: integriteitspuls",
            (_, false) => "Reminder: integrity pulse",
        };
        string[] paragraphs = nl
            ?
            [
                round == 0 ? "U bent uitgenodigd voor de integriteitspuls: een paar korte stellingen, in ongeveer één minuut." : "U heeft de integriteitspuls nog niet ingevuld. Het kost ongeveer één minuut.",
                $"Uw antwoorden worden alleen opgeteld per organisatieonderdeel, en alleen getoond waar minstens {k} mensen hebben geantwoord. Niemand, ook uw leidinggevende, IPIM of de beheerders niet, kan uw antwoorden inzien. De link is persoonlijk en werkt één keer.",
                $"De vragenlijst sluit op {closes}.",
            ]
            :
            [
                round == 0 ? "You are invited to the integrity pulse: a few short statements, about one minute." : "You have not yet answered the integrity pulse. It takes about one minute.",
                $"Your answers are only added up per organisational unit, and only shown where at least {k} people answered. Nobody, including your manager, IPIM or the administrators, can see your answers. The link is personal and works once.",
                $"The survey closes on {closes}.",
            ];
        var action = nl ? "Vul de integriteitspuls in" : "Answer the integrity pulse";
        var text = string.Join("\n\n", paragraphs.Take(1).Append($"{action}: {link}").Concat(paragraphs.Skip(1))) + "\n";
        var html = $"""
            <!DOCTYPE html>
            <html lang="{language.Code()}"><head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(subject)}</title></head>
            <body style="font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;max-width:36em">
            <p>{WebUtility.HtmlEncode(paragraphs[0])}</p>
            <p><a href="{WebUtility.HtmlEncode(link.AbsoluteUri)}" style="display:inline-block;padding:10px 16px;background:#01689b;color:#ffffff;text-decoration:none;border-radius:4px">{WebUtility.HtmlEncode(action)}</a></p>
            <p>{WebUtility.HtmlEncode(paragraphs[1])}</p>
            <p>{WebUtility.HtmlEncode(paragraphs[2])}</p>
            </body></html>
            """;
        return new EmailContent(subject, text, html);
    }
}
