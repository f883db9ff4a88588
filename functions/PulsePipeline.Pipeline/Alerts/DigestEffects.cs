using PulsePipeline.Models.Alerts;
using PulsePipeline.Models.Effects;
using PulsePipeline.Pipeline.Effects;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;

namespace PulsePipeline.Pipeline.Alerts;

/// <summary>
/// Chooses the effects the digest reports, from the rows EstimateEffects stored for the wave. An organisation runs
/// hundreds of interventions, so listing every estimate every wave would bury the news: an intervention is listed when
/// its estimate gained a post wave this wave AND that is news — its first estimate, a verdict (or reason) on either
/// construct other than at the previous published wave, or the last post wave the estimator uses. The rest that gained a
/// wave are counted. The pooled rows are shown for the types of the listed interventions.
/// </summary>
public sealed class DigestEffects(EffectStore store)
{
    public async Task<(IReadOnlyList<DigestEffect> Listed, IReadOnlyList<PooledEffect> Pooled, int Unchanged)> ChooseAsync(
        string waveId, IReadOnlyList<string> waveIds, Func<string, IReadOnlyList<string>> pathOf, CancellationToken cancellationToken)
    {
        var rows = await store.ReadAsync(waveId, cancellationToken);
        var gained = rows.Where(r => !r.IsPooled && r.PostWaveIds.Split(',')[^1] == waveId).GroupBy(r => r.InterventionId, StringComparer.Ordinal).ToList();
        if (gained.Count == 0)
        {
            return ([], [], 0);
        }

        var previous = waveIds.Count > 1 && waveIds[^1] == waveId
            ? (await store.ReadAsync(waveIds[^2], cancellationToken)).ToDictionary(r => r.RowKey, StringComparer.Ordinal)
            : [];
        var listed = new List<DigestEffect>();
        var unchanged = 0;
        foreach (var intervention in gained)
        {
            var constructs = intervention.OrderBy(r => r.RowKey, StringComparer.Ordinal).ToList();
            if (!IsNews(constructs, previous))
            {
                unchanged++;
                continue;
            }

            var effects = constructs.Select(EffectRows.ToEffect).ToList();
            var planned = effects[0].Intervention;
            var since = waveIds.Count(w => string.CompareOrdinal(w, planned.StartWave) >= 0 && string.CompareOrdinal(w, waveId) <= 0);
            listed.Add(new DigestEffect(pathOf(TableKeys.Encode(planned.Unit)), planned, since, effects));
        }

        var types = listed.Select(l => l.Intervention.Type).ToHashSet(StringComparer.Ordinal);
        var pooled = rows.Where(r => r.IsPooled && types.Contains(r.Type)).OrderBy(r => r.RowKey, StringComparer.Ordinal).Select(EffectRows.ToPooled).ToList();
        return ([.. listed.OrderBy(l => string.Join("/", l.Path), StringComparer.Ordinal).ThenBy(l => l.Intervention.StartWave, StringComparer.Ordinal)], pooled, unchanged);
    }

    private static bool IsNews(List<EffectEntity> constructs, Dictionary<string, EffectEntity> previous) =>
        constructs.Exists(r => r.PostWaves >= EffectSettings.Default.MaxPostWaves
            || !previous.TryGetValue(r.RowKey, out var before)
            || before.Verdict != r.Verdict
            || before.Reason != r.Reason);
}
