namespace PulsePipeline.Models.Plans;

/// <summary>
/// Plan ids ("pl-" and 12 hex digits) and the ids of the interventions a draw creates: the plan id, '.', and the member's
/// place in ordinal order of unit (three digits), so a repeated draw of the same plan writes the same rows.
/// </summary>
public static class PlanIds
{
    public static string New() => "pl-" + Guid.NewGuid().ToString("N")[..12];

    public static bool IsValid(string? id) => id is { Length: 15 } && id.StartsWith("pl-", StringComparison.Ordinal) && id[3..].All(char.IsAsciiHexDigitLower);

    public static string Intervention(string planId, int place) => $"{planId}.{place + 1:D3}";
}
