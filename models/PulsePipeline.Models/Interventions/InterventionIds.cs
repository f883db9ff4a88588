using System.Text.RegularExpressions;

namespace PulsePipeline.Models.Interventions;

/// <summary>
/// Intervention ids: short, stable, safe as table keys and in links ("iv-" and 12 hex digits when new). An export
/// writes them and an import matches on them, so any id of this alphabet is kept as it is.
/// </summary>
public static partial class InterventionIds
{
    /// <summary>The rule in words, for error messages.</summary>
    public const string Rule = "1–64 letters, digits, '.', '_' or '-', starting with a letter or digit";

    /// <inheritdoc cref="Rule"/>
    public const string RuleNl = "1–64 letters, cijfers, '.', '_' of '-', beginnend met een letter of cijfer";

    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    /// <summary>A new random id (48 bits: a collision is refused by storage, not overwritten).</summary>
    public static string New() => "iv-" + Guid.NewGuid().ToString("N")[..12];

    [GeneratedRegex(@"\A[A-Za-z0-9][A-Za-z0-9._-]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
