namespace PulsePipeline.Models.Interventions;

/// <summary>A stored intervention and what it becomes.</summary>
public sealed record InterventionChange(InterventionRecord Before, InterventionRecord After)
{
    /// <summary>The fields that differ (<see cref="InterventionFields"/>), for the audit: which, never the text itself.</summary>
    public IReadOnlyList<string> ChangedFields =>
    [
        .. Differs(Before.StartWave, After.StartWave, InterventionFields.StartWave),
        .. Differs(Before.Status, After.Status, InterventionFields.Status),
        .. Differs(Before.Owner, After.Owner, InterventionFields.Owner),
        .. Differs(Before.Notes, After.Notes, InterventionFields.Notes),
    ];

    private static IEnumerable<string> Differs(string before, string after, string field) =>
        string.Equals(before, after, StringComparison.Ordinal) ? [] : [field];
}
