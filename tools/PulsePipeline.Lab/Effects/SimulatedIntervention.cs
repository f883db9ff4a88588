using PulsePipeline.Models.Effects;

namespace PulsePipeline.Lab.Effects;

/// <summary>A simulated intervention with what is known only in simulation: its true effect and why it was started.</summary>
public sealed record SimulatedIntervention(PlannedIntervention Intervention, int Unit, int StartIndex, TypeEffect Truth, bool AfterFlag)
{
    /// <summary>The true effect on construct c (0 pressure, 1 speak-up) averaged over the given wave indices.</summary>
    public double TrueMean(int c, IEnumerable<int> waves) => waves.Select(t => Truth.At(c, t - StartIndex)).DefaultIfEmpty(0).Average();
}
