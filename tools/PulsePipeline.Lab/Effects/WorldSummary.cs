namespace PulsePipeline.Lab.Effects;

/// <summary>What one drawn world looked like: its suppression, the median published unit and its interventions.</summary>
public sealed record WorldSummary(int Units, int Waves, double Suppressed, int MedianRespondents, int Interventions, int AfterFlag)
{
    public static WorldSummary Of(EffectWorld world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var published = world.Rows.Where(r => r.IsPublished).Select(r => r.N!.Value).Order().ToArray();
        return new WorldSummary(world.Settings.Units, world.Waves.Count, 1 - (double)published.Length / world.Rows.Count, published.Length == 0 ? 0 : published[published.Length / 2], world.Interventions.Count, world.Interventions.Count(i => i.AfterFlag));
    }
}
