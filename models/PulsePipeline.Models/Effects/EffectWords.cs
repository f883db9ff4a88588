using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Models.Effects;

/// <summary>The verdict rule (one place) and the contract's words; readers' wording is <see cref="EffectReasonTexts"/>.</summary>
public static class EffectWords
{
    /// <summary>Improved or worsened only when the interval excludes 0; pressure down and speak-up up are improvements.</summary>
    public static EffectVerdict Verdict(Construct construct, double low, double high)
    {
        var better = construct == Construct.Pressure ? high < 0 : low > 0;
        var worse = construct == Construct.Pressure ? low > 0 : high < 0;
        return better ? EffectVerdict.Improved : worse ? EffectVerdict.Worsened : EffectVerdict.NoClearChange;
    }

    /// <summary>The contract's verdict words: improved, worsened, no-clear-change, inconclusive.</summary>
    public static string Id(EffectVerdict verdict) => verdict switch
    {
        EffectVerdict.Improved => "improved",
        EffectVerdict.Worsened => "worsened",
        EffectVerdict.NoClearChange => "no-clear-change",
        _ => "inconclusive",
    };

    /// <summary>The contract's construct words: pressure, speakup.</summary>
    public static string Id(Construct construct) => construct == Construct.Pressure ? "pressure" : "speakup";

    /// <summary>A contract verdict word back as the verdict; anything else is inconclusive.</summary>
    public static EffectVerdict VerdictOf(string id) => Enum.GetValues<EffectVerdict>().FirstOrDefault(v => Id(v) == id, EffectVerdict.Inconclusive);

    /// <summary>A stored reason name back as the reason; an unknown name has none.</summary>
    public static InconclusiveReason ReasonOf(string name) => Enum.TryParse<InconclusiveReason>(name, out var reason) ? reason : InconclusiveReason.None;
}
