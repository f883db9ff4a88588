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

    /// <summary>
    /// For units flagged in the last of <paramref name="waves"/> (oldest first), the first wave of each one's current
    /// run, walking back one wave at a time and asking <paramref name="verdict"/> (null: no verdict that wave) only for
    /// the units whose run has not ended yet: a wave or two for almost every flag.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> SinceAsync(IReadOnlyList<string> waves, IEnumerable<string> units, Func<string, string, Task<bool?>> verdict)
    {
        ArgumentNullException.ThrowIfNull(waves);
        ArgumentNullException.ThrowIfNull(verdict);
        var verdicts = units.Distinct(StringComparer.Ordinal).ToDictionary(u => u, _ => new List<(string, bool?)> { (waves[^1], true) }, StringComparer.Ordinal);
        var pending = verdicts.Keys.ToList();
        for (var i = waves.Count - 2; i >= 0 && pending.Count > 0; i--)
        {
            var wave = waves[i];
            var found = await Task.WhenAll(pending.Select(u => verdict(wave, u)));
            for (var at = 0; at < pending.Count; at++)
            {
                verdicts[pending[at]].Add((wave, found[at]));
            }

            pending = [.. pending.Where(u => Since(verdicts[u]) == wave)];
        }

        return verdicts.ToDictionary(v => v.Key, v => Since(v.Value) ?? waves[^1], StringComparer.Ordinal);
    }
}
