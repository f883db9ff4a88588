using System.Globalization;
using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Workspace.Rendering;

/// <summary>
/// Figures as people read them: Dutch with a decimal comma and a point between thousands, English the other way
/// round, a real minus sign for negative changes. The figures test formats with the same code to compare.
/// </summary>
public static class FigureFormat
{
    public static string Format(double value, FigureKind kind, Language language)
    {
        var text = kind switch
        {
            FigureKind.TwoDecimals => value.ToString("0.00", CultureInfo.InvariantCulture),
            FigureKind.Change => value.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture),
            FigureKind.Count => value.ToString("#,0", CultureInfo.InvariantCulture),
            _ => (value * 100).ToString("0", CultureInfo.InvariantCulture) + "%",
        };
        if (language == Language.Nl)
        {
            // Swap the separators through a placeholder: 1,234.56 becomes 1.234,56.
            text = text.Replace(',', '\u0001').Replace('.', ',').Replace('\u0001', '.');
        }

        return text.Replace('-', '\u2212');
    }

    /// <summary>The exact stored value, as machine-readable provenance (round-trips to the same double).</summary>
    public static string Raw(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
