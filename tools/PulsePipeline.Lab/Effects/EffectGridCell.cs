namespace PulsePipeline.Lab.Effects;

/// <summary>One world of the evaluation grid: its name (the levels it was given) and the settings it is drawn from.</summary>
public sealed record EffectGridCell(string Name, EffectWorldSettings World);
