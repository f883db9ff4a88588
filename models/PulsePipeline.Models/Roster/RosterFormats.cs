using System.Text.RegularExpressions;

namespace PulsePipeline.Models.Roster;

/// <summary>
/// What names and addresses may look like: names are free text but bounded and free of control characters. Ids follow
/// the one id rule of <see cref="Identifiers.Identifier"/>.
/// </summary>
public static partial class RosterFormats
{
    public const int MaxNameLength = 200;
    public const int MaxEmailLength = 254;

    public static bool IsValidName(string name) =>
        name.Length is > 0 and <= MaxNameLength && name.Trim().Length > 0 && !name.Any(char.IsControl);

    /// <summary>A deliberately plain address check (local@domain.tld) that refuses anything a mail server would.</summary>
    public static bool IsValidEmail(string email) => email.Length <= MaxEmailLength && EmailPattern().IsMatch(email);

    [GeneratedRegex(@"\A[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();
}
