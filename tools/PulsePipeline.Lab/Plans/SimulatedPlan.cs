using PulsePipeline.Models.Effects.Plans;

namespace PulsePipeline.Lab.Plans;

/// <summary>
/// A simulated plan with what only the simulation knows: each member's true effect per construct (improvements
/// positive), how many waves it takes to reach it, and the scenario it was drawn for.
/// </summary>
public sealed record SimulatedPlan(PlanDesign Design, int FlagWave, string Scenario, IReadOnlyDictionary<string, (double Pressure, double SpeakUp)> Effects, int RampWaves)
{
    public int Size => Design.Members.Count;

    public int Cohorts => Design.Members.Select(m => m.Cohort).Distinct().Count();

    /// <summary>The true effect on the published mean of construct c (0 pressure, 1 speak-up) <paramref name="since"/> waves after the member's start.</summary>
    public double At(string unit, int c, int since)
    {
        if (since < 0)
        {
            return 0;
        }

        var (pressure, speakUp) = Effects[unit];
        var size = Math.Min(1.0, (since + 1.0) / RampWaves);
        return c == 0 ? -pressure * size : speakUp * size;
    }
}
