using PulsePipeline.Pipeline.Storage.Entities;

namespace PulsePipeline.IntegrationTests.Workspace;

/// <summary>The counts a page shows that are not survey figures, recounted from the store: flags in a subtree, and the verdicts beside a list of effects.</summary>
internal sealed partial class PublishedTruth
{
    /// <summary>
    /// How many units in <paramref name="unit"/>'s subtree (itself included, by the parent links published in the wave)
    /// the detector flagged in the wave.
    /// </summary>
    private int FlaggedIn(string unit, string wave)
    {
        var parents = rows.Where(r => r.Key.Wave == wave).ToDictionary(r => r.Key.Unit, r => r.Value.Parent, StringComparer.Ordinal);
        bool Within(string at)
        {
            for (var depth = 0; depth < 64; depth++, at = parents.GetValueOrDefault(at, ""))
            {
                if (at == unit)
                {
                    return true;
                }

                if (at.Length == 0)
                {
                    return false;
                }
            }

            return false;
        }

        return flags.Values.Count(f => f.PartitionKey == wave && f.RowKey != FlagEntity.OrganisationRow && f.Flagged && Within(f.Unit));
    }

    /// <summary>The counts beside a list of verdicts, recounted from the stored rows the page names.</summary>
    private (double? Value, string? Problem) Verdicts(string field, string wave, string? counted)
    {
        var keys = (counted ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var stored = keys.Select(k => effects.GetValueOrDefault((wave, k))).ToList();
        if (keys.Length == 0 || stored.Exists(e => e is null || e.IsPooled || e.Estimate is null))
        {
            return (null, $"the verdicts counted ({counted}) are not all stored conclusive unit effects as of {wave}");
        }

        return field switch
        {
            "effect_verdicts" => (stored.Count, null),
            "effect_labels" => (stored.Count(e => e!.Verdict is "improved" or "worsened"), null),
            _ => (stored.Count * 0.05, null),
        };
    }
}
