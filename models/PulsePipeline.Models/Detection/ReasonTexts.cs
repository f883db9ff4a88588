using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Models.Detection;

/// <summary>
/// Every <see cref="Reason"/> in words, in Dutch and English: the one place reasons are worded. The flags CSV and the
/// stored flag text use English (<see cref="UnitFlag.ReasonText"/>); the IPIM digest uses its reader's language.
/// </summary>
public static class ReasonTexts
{
    public static string Describe(Reason reason, Language language)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var nl = language == Language.Nl;
        return reason.Kind switch
        {
            ReasonKind.Suppressed => nl ? "deze meting afgeschermd (te weinig respondenten, of ter bescherming van een kleine groep)" : "withheld this wave (too few respondents, or to protect a small group)",
            ReasonKind.NotEnoughHistory => nl ? $"nog te weinig geschiedenis: {reason.Count} eerder gepubliceerde metingen nodig" : $"not enough history yet: {reason.Count} earlier published waves needed",
            ReasonKind.Moved or ReasonKind.MovedOverTwoWaves => Move(reason, language),
            ReasonKind.SteadyTrend => nl
                ? $"{Name(reason.Construct, language)} {(reason.Construct == Construct.SpeakUp ? "daalt" : "stijgt")} gestaag over de laatste {reason.Count} metingen"
                : $"{Name(reason.Construct, language)} {(reason.Construct == Construct.SpeakUp ? "falling" : "rising")} steadily over the last {reason.Count} waves",
            ReasonKind.ResponseRateFell => nl
                ? $"responspercentage gedaald van {Numbers.Percent(reason.From ?? 0, language)} naar {Numbers.Percent(reason.To ?? 0, language)}"
                : $"response rate fell from {Numbers.Percent(reason.From ?? 0, language)} to {Numbers.Percent(reason.To ?? 0, language)}",
            ReasonKind.NoAdverseChange => nl ? "geen ongunstige verandering boven de ruis" : "no adverse change beyond noise",
            _ => throw new ArgumentOutOfRangeException(nameof(reason), reason.Kind, "Unknown reason kind."),
        };
    }

    /// <summary>All reasons on one line, "; " between them.</summary>
    public static string Describe(IEnumerable<Reason> reasons, Language language) => string.Join("; ", reasons.Select(r => Describe(r, language)));

    /// <summary>pressure / druk, speak-up safety / meldveiligheid, norms / normen.</summary>
    public static string Name(Construct? construct, Language language) => (construct, language) switch
    {
        (Construct.Pressure, Language.Nl) => "druk",
        (Construct.Pressure, _) => "pressure",
        (Construct.SpeakUp, Language.Nl) => "meldveiligheid",
        (Construct.SpeakUp, _) => "speak-up safety",
        (Construct.Norms, Language.Nl) => "normen",
        _ => "norms",
    };

    /// <summary>A 95% margin: "±0.21" (English) or "±0,21" (Dutch).</summary>
    public static string Margin(double margin, Language language) => "±" + Numbers.TwoDecimals(margin, language);

    private static string Move(Reason r, Language language)
    {
        var nl = language == Language.Nl;
        var against = r.Kind == ReasonKind.MovedOverTwoWaves
            ? nl ? "over deze en de vorige meting t.o.v. de eigen geschiedenis" : "over this and the previous wave vs own history"
            : nl ? "t.o.v. de eigen geschiedenis" : "vs own history";
        var text = $"{Name(r.Construct, language)} {Numbers.WithSign(r.Change ?? 0, language)} ({Margin(r.Margin ?? 0, language)}) {against}";
        if (r.OrganisationChange is { } organisation)
        {
            text += nl ? $", bovenop de organisatiebrede {Numbers.WithSign(organisation, language)}" : $", beyond the organisation-wide {Numbers.WithSign(organisation, language)}";
        }

        return r.WithinNoise ? text + (nl ? ", binnen de ruis" : ", within noise") : text;
    }
}
