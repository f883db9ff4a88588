namespace PulsePipeline.Models.Effects;

/// <summary>
/// One intervention's effect on one construct once its unit's pre and post waves are known: what is left to estimate
/// needs the placebo set of its post horizons (offsets from the start), which it shares with every query of the same
/// horizons and construct (<see cref="SetKey"/>).
/// </summary>
/// <param name="Slot">Its place in the report: the intervention's index times two, plus the construct.</param>
/// <param name="C">The construct: 0 pressure, 1 speak-up.</param>
/// <param name="WavesLeft">Later published waves that would still extend the estimate.</param>
internal sealed record EffectQuery(int Slot, PlannedIntervention Intervention, int Unit, PreWindow Pre, int[] Post, string[] PostWaves, int C, double Median, int WavesLeft)
{
    public int[] Horizons { get; } = [.. Post.Select(t => t - Pre.Start)];

    public string SetKey => C + ":" + string.Join(',', Horizons);
}
