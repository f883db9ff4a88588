using System.Globalization;
using System.Text;
using PulsePipeline.Workspace.Reading;

namespace PulsePipeline.Workspace.Pages;

/// <summary>
/// Finds units by name (or id) in one wave's published rows, as IPIM types them: case, accents and surrounding spaces
/// do not matter, any part of the name will do. Navigation only: the rows' names and tree, never their figures.
/// </summary>
public static class UnitSearch
{
    /// <summary>At most this many units are listed; a longer list asks for more of the name.</summary>
    public const int MaxHits = 50;

    private const int MaxDepth = 64;

    public static SearchModel Find(IReadOnlyList<PublishedRow> rows, string? query)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var asked = (query ?? "").Trim();
        var names = rows.Where(r => !r.IsRoot).Select(r => r.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.CurrentCulture).ToList();
        if (asked.Length == 0)
        {
            return new SearchModel("", [], false, names);
        }

        var key = Fold(asked);
        var byUnit = rows.ToDictionary(r => r.Unit, StringComparer.Ordinal);
        var found = rows.Where(r => Fold(r.Name).Contains(key, StringComparison.Ordinal) || Fold(r.Unit).Contains(key, StringComparison.Ordinal))
            .OrderBy(r => Fold(r.Name).StartsWith(key, StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(r => r.Name, StringComparer.CurrentCulture)
            .ThenBy(r => r.Unit, StringComparer.Ordinal)
            .ToList();
        return new SearchModel(asked, [.. found.Take(MaxHits).Select(r => new SearchHit(r.Unit, r.Name, Above(r, byUnit)))], found.Count > MaxHits, names);
    }

    /// <summary>Lower case without accents: "Financiën" and "financien" are the same search.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var plain = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) is not UnicodeCategory.NonSpacingMark and not UnicodeCategory.Format))
        {
            plain.Append(char.ToLowerInvariant(c));
        }

        return plain.ToString().Normalize(NormalizationForm.FormC);
    }

    private static List<string> Above(PublishedRow row, Dictionary<string, PublishedRow> byUnit)
    {
        var above = new List<string>();
        for (var at = row; above.Count < MaxDepth && byUnit.TryGetValue(at.Parent, out var parent) && !parent.IsRoot; at = parent)
        {
            above.Insert(0, parent.Name);
        }

        return above;
    }
}
