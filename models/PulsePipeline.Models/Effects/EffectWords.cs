using System.Globalization;
using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Models.Effects;

/// <summary>The verdict rule (one place) and the words a digest or page uses for an effect.</summary>
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

    public static string Describe(InterventionEffect e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var name = e.Construct == Construct.Pressure ? "pressure" : "speak-up safety";
        if (e.Estimate is not { } estimate || e.CiLow is not { } low || e.CiHigh is not { } high)
        {
            return $"{name}: inconclusive — {e.ReasonText}; {e.ConclusiveWhen}";
        }

        var figures = string.Create(CultureInfo.InvariantCulture, $"{name} {estimate:+0.00;-0.00} (95% interval {low:+0.00;-0.00} to {high:+0.00;-0.00}) over {e.PostWaves.Count} wave(s)");
        return e.Verdict switch
        {
            EffectVerdict.Improved => $"{figures}: improved",
            EffectVerdict.Worsened => $"{figures}: worsened",
            _ => $"{figures}: no clear change; {RulesOut(e.Construct, low, high)}",
        };
    }

    /// <summary>What a no-clear-change interval still says: the effects it rules out.</summary>
    public static string RulesOut(Construct construct, double low, double high)
    {
        var (improvement, worsening) = construct == Construct.Pressure ? (-low, high) : (high, -low);
        return string.Create(CultureInfo.InvariantCulture, $"it rules out an improvement larger than {Math.Max(0, improvement):0.00} and a worsening larger than {Math.Max(0, worsening):0.00} points");
    }
}
