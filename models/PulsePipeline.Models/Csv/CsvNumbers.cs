using System.Globalization;

namespace PulsePipeline.Models.Csv;

/// <summary>
/// How numbers may be written in the CSV contracts: a decimal point always (2.75, also 2.75e0), and a decimal comma
/// (2,75) in files separated by ';' or tabs, as Excel and LibreOffice with Dutch settings save them; there a comma
/// cannot be a separator, so it can only be the decimal sign. No thousands separators anywhere: "1.234" is 1.234.
/// The value keeps the decimals it was written with (decimal's scale), which is the precision that consistency checks
/// allow for (<see cref="Publication.ConstructSums"/>).
/// </summary>
public static class CsvNumbers
{
    private const NumberStyles Styles = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    private static readonly NumberFormatInfo DecimalComma = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "." };

    public static bool AcceptsDecimalComma(char separator) => separator != ',';

    public static bool TryParse(string text, char separator, out decimal value)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (decimal.TryParse(text, Styles, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        return AcceptsDecimalComma(separator) && !text.Contains('.', StringComparison.Ordinal) && decimal.TryParse(text, Styles, DecimalComma, out value);
    }

    /// <summary>An example for error messages: how a number may be written in a file with this separator.</summary>
    public static string Example(char separator) => AcceptsDecimalComma(separator) ? "12.5 or 12,5" : "12.5";
}
