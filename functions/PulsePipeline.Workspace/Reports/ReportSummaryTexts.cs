using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Workspace.Reports;

/// <summary>
/// The sentences of the ministry report's written summary in Dutch and English. Texts with {0} are formats whose place
/// takes a wave label; like every workspace text, none holds a figure: the summary's figures come from the published
/// rows, flags and effects through the Figure component.
/// </summary>
public sealed record ReportSummaryTexts
{
    public required string Heading { get; init; }
    public required string Respondents { get; init; }
    public required string Earlier { get; init; }
    public required string Level { get; init; }
    public required string Interval { get; init; }
    public required string Change { get; init; }
    public required string NoFindings { get; init; }
    public required string Findings { get; init; }
    public required string EarlierFlags { get; init; }
    public required string Randomised { get; init; }
    public required string Interventions { get; init; }
    public required string In { get; init; }
    public required string Limits { get; init; }
    public required string Withheld { get; init; }

    public static ReportSummaryTexts For(Language language) => language == Language.Nl ? Nl : En;

    private static readonly ReportSummaryTexts Nl = new()
    {
        Heading = "Samenvatting",
        Respondents = "In meting {0} antwoordden",
        Earlier = "In meting {0}:",
        Level = "Niveau in meting {0}:",
        Interval = "interval",
        Change = "Verandering sinds meting {0}:",
        NoFindings = "De detector markeerde in meting {0} geen eenheid binnen het ministerie.",
        Findings = "Wat in meting {0} aandacht vraagt, volgens de detector:",
        EarlierFlags = "Eerder in de periode gemarkeerd, in de laatste meting niet meer:",
        Randomised = "Eerst de uitrolplannen met loting: het lot bepaalde welke eenheden eerst begonnen, dus het verschil met de eenheden die nog wachtten is het effect van de interventie zelf, niet van de keuze welke eenheden haar kregen.",
        Interventions = "Vastgelegd voor eenheden binnen het ministerie, met wat er bij de laatste meting van hun effect bekend is:",
        In = "in",
        Limits = "Een markering zegt dat een eenheid buiten haar eigen ruis veranderde, niet waarom; een effect is een schatting met een interval, geen bewijs; kleine groepen zijn afgeschermd.",
        Withheld = "Afgeschermd in meting {0}:",
    };

    private static readonly ReportSummaryTexts En = new()
    {
        Heading = "Summary",
        Respondents = "In wave {0}, respondents:",
        Earlier = "In wave {0}:",
        Level = "Level in wave {0}:",
        Interval = "interval",
        Change = "Change since wave {0}:",
        NoFindings = "The detector flagged no unit within the ministry in wave {0}.",
        Findings = "What needs attention in wave {0}, according to the detector:",
        EarlierFlags = "Flagged earlier in the period, no longer in the last wave:",
        Randomised = "First the rollout plans drawn by lot: a lot decided which units started first, so the difference from the units still waiting is the effect of the intervention itself, not of the choice of which units got it.",
        Interventions = "Recorded for units within the ministry, with what is known of their effect as of the last wave:",
        In = "in",
        Limits = "A flag says a unit changed beyond its own noise, not why; an effect is an estimate with an interval, not a proof; small groups are withheld.",
        Withheld = "Withheld in wave {0}:",
    };
}
