using PulsePipeline.Pipeline.Plans;
using PulsePipeline.Workspace.Reading;

namespace PulsePipeline.Workspace.Plans;

/// <summary>Builds the plans page's model: the plans as registered and drawn, their effects as of the latest published wave.</summary>
public sealed class PlanPageModels(PublishedReadModel read, PlanStore plans, PlanEffectStore effects)
{
    public async Task<PlansModel> PlansAsync(CancellationToken cancellationToken)
    {
        var plansTask = plans.ListAsync(cancellationToken);
        var waves = await read.WavesAsync(cancellationToken);
        if (waves.Count == 0)
        {
            return new PlansModel(null, await plansTask, [], new Dictionary<string, string>());
        }

        var rowsTask = read.RowsAsync(waves[^1].Id, cancellationToken);
        var stored = await effects.ReadAsync(waves[^1].Id, cancellationToken);
        var names = (await rowsTask).ToDictionary(r => r.Unit, r => r.Name, StringComparer.Ordinal);
        return new PlansModel(waves[^1].Id, await plansTask, stored, names);
    }
}
