using System.Globalization;

namespace PulsePipeline.Models.Instrument;

/// <summary>
/// Numbers as a reader of each language writes them: 2.15 in English, 2,15 in Dutch. Not taken from culture data
/// (the hosts may run without it), and the same on every machine.
/// </summary>
public static class Numbers
{
    private static readonly NumberFormatInfo Dutch = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = ".", PercentDecimalSeparator = ",", PercentGroupSeparator = ".", NegativeSign = "-" };

    public static string Format(double value, string format, Language language) =>
        value.ToString(format, language == Language.Nl ? Dutch : CultureInfo.InvariantCulture);

    /// <summary>Two decimals with a sign: +0.62, -0.08, 0.00.</summary>
    public static string WithSign(double value, Language language) => Format(value, "+0.00;-0.00;0.00", language);

    public static string TwoDecimals(double value, Language language) => Format(value, "0.00", language);

    public static string Percent(double value, Language language) => Format(value, "0%", language);

    /// <summary>A whole count with a group separator: 1,234 (English) or 1.234 (Dutch).</summary>
    public static string Count(double value, Language language) => Format(value, "#,0", language);
}
