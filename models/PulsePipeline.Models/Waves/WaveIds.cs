using System.Globalization;
using System.Text.RegularExpressions;

namespace PulsePipeline.Models.Waves;

/// <summary>
/// Wave ids sort as text in the order the waves ran (e.g. 2027-03-01), as the CSV contracts require, and are
/// safe as storage keys.
/// </summary>
public static partial class WaveIds
{
    /// <summary>The rule in words, for error messages.</summary>
    public const string Rule = "1–32 letters, digits, '.', '_' or '-', starting with a letter or digit (for example 2027-03-01)";

    /// <inheritdoc cref="Rule"/>
    public const string RuleNl = "1–32 letters, cijfers, '.', '_' of '-', beginnend met een letter of cijfer (bijvoorbeeld 2027-03-01)";

    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    /// <summary>The id of the wave a schedule opens at <paramref name="scheduledAt"/>: its UTC date.</summary>
    public static string ForSchedule(DateTimeOffset scheduledAt) =>
        scheduledAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\A[0-9A-Za-z][0-9A-Za-z._-]{0,31}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
