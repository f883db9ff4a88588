using PulsePipeline.Models.Effects;

namespace PulsePipeline.Lab.Effects;

/// <summary>A pooled type effect of one world next to the true mean effect of the units it pooled.</summary>
public sealed record PooledEvaluation(int Seed, PooledEffect Pooled, double TrueMean)
{
    public bool Covered => Pooled.CiLow is { } lo && Pooled.CiHigh is { } hi && lo <= TrueMean && TrueMean <= hi;
}
