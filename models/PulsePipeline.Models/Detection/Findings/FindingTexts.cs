using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Models.Detection.Findings;

/// <summary>
/// How a flag is named, in Dutch and English: the one place for the words the IPIM digest and the workspace share, so
/// both say "new" and "flagged since" of the same flags (<see cref="FlagRuns"/>) and group them alike
/// (<see cref="FlagFindings"/>). Texts with {0} are formats: the workspace puts a wave or unit element in the place.
/// </summary>
public sealed record FindingTexts(
    string New,
    string SinceFormat,
    string NotFlagged,
    string ExplainsFormat,
    string ExplainedByFormat,
    string ExplainedRule)
{
    public static FindingTexts For(Language language) => language == Language.Nl ? Nl : En;

    private static readonly FindingTexts Nl = new(
        "nieuw gemarkeerd",
        "gemarkeerd sinds {0}",
        "niet gemarkeerd",
        "verklaart ook de markering van {0}",
        "ook gemarkeerd, verklaard door {0}",
        "Een markering van een bovenliggende eenheid hoort bij de bevinding van een gemarkeerde eenheid eronder als de rest van de bovenliggende eenheid (zonder die eenheid) niet buiten haar eigen ruis ongunstig veranderde.");

    private static readonly FindingTexts En = new(
        "newly flagged",
        "flagged since {0}",
        "not flagged",
        "also explains the flag of {0}",
        "also flagged, explained by {0}",
        "A parent unit's flag belongs to the finding of a flagged unit below it when the rest of the parent (without that unit) did not change adversely beyond its own noise.");

    /// <summary>"flagged since 2027-08", or "newly flagged" when the run began this wave.</summary>
    public string Status(string since, string wave) => since == wave ? New : string.Format(System.Globalization.CultureInfo.InvariantCulture, SinceFormat, since);

    /// <summary>The digest's subject: how many findings are new and how many continue.</summary>
    public static string Subject(string wave, int fresh, int continuing, Language language)
    {
        var nl = language == Language.Nl;
        var head = nl ? $"Integriteitspuls {wave}: " : $"Integrity pulse {wave}: ";
        var parts = new List<string>();
        if (fresh > 0 || continuing == 0)
        {
            parts.Add(fresh == 0 ? (nl ? "geen eenheden gemarkeerd" : "no units flagged") : $"{Units(fresh, language)} {(nl ? "nieuw gemarkeerd" : "newly flagged")}");
        }

        if (continuing > 0)
        {
            parts.Add(fresh == 0 ? (nl ? "geen nieuwe markeringen" : "none newly flagged") : "");
            parts.Add($"{Units(continuing, language)} {(nl ? (continuing == 1 ? "blijft gemarkeerd" : "blijven gemarkeerd") : "still flagged")}");
        }

        return head + string.Join(", ", parts.Where(p => p.Length > 0));
    }

    private static string Units(int count, Language language) => (language, count) switch
    {
        (Language.Nl, 1) => "1 eenheid",
        (Language.Nl, _) => $"{count} eenheden",
        (_, 1) => "1 unit",
        _ => $"{count} units",
    };
}
