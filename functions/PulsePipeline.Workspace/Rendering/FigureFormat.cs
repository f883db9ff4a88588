using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Workspace.Rendering;

/// <summary>
/// Figures as the workspace shows them. The number rule itself (decimal comma and thousands point in Dutch, the other
/// way round in English) is <see cref="Numbers"/>, the one place for it; the workspace only picks the format per kind
/// and writes a real minus sign. The figures test formats with the same code to compare.
/// </summary>
public static class FigureFormat
{
    public static string Format(double value, FigureKind kind, Language language)
    {
        var text = kind switch
        {
            FigureKind.TwoDecimals => Numbers.TwoDecimals(value, language),
            FigureKind.Change => Numbers.WithSign(value, language),
            FigureKind.Count => Numbers.Count(value, language),
            _ => Numbers.Percent(value, language),
        };
        return text.Replace('-', '\u2212');
    }

    /// <summary>The exact stored value, as machine-readable provenance (round-trips to the same double).</summary>
    public static string Raw(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
