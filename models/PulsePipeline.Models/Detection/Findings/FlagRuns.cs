namespace PulsePipeline.Models.Detection.Findings;

/// <summary>
/// When a flag began: the one rule for "new" and "flagged since", shared by the digest and the workspace. A unit's
/// flag continues while it is flagged in every published wave in a row; a wave without a verdict for it (suppressed,
/// not yet in the organisation) ends the run, so a flag after a gap is new again.
/// </summary>
public static class FlagRuns
{
    /// <summary>
    /// The first wave of the current run, from the unit's verdicts newest first (null: no verdict that wave); null
    /// when the newest is not a flag.
    /// </summary>
    public static string? Since(IEnumerable<(string Wave, bool? Flagged)> newestFirst)
    {
        ArgumentNullException.ThrowIfNull(newestFirst);
        string? since = null;
        foreach (var (wave, flagged) in newestFirst)
        {
            if (flagged != true)
            {
                break;
            }

            since = wave;
        }

        return since;
    }
}
