namespace PulsePipeline.Models.Effects;

/// <summary>What an effect's interval says. Improved and Worsened only when the 95% interval excludes 0.</summary>
public enum EffectVerdict
{
    Improved,
    Worsened,
    NoClearChange,
    Inconclusive,
}
