using PulsePipeline.Models.Interventions;

namespace PulsePipeline.Lab.Effects;

/// <summary>
/// The true effect a simulated intervention type has on the published means, per wave since its start: the full size
/// from wave <see cref="RampWaves"/> on, rising linearly before (1 = constant from the start). Improvements are
/// negative for pressure and positive for speak-up.
/// </summary>
public sealed record TypeEffect(string Type, double Pressure, double SpeakUp, int RampWaves)
{
    /// <summary>
    /// Two types do nothing, the others act on pressure, speak-up or both, with sizes 0.1–0.4, constant or ramping up.
    /// </summary>
    public static IReadOnlyList<TypeEffect> Default { get; } =
    [
        new(InterventionTypes.MoralDeliberation, -0.20, 0.10, 3),
        new(InterventionTypes.DilemmaTraining, 0, 0, 1),
        new(InterventionTypes.GoodConversation, 0, 0.30, 2),
        new(InterventionTypes.LeadershipCoaching, -0.40, 0.20, 1),
        new(InterventionTypes.ReportingRoutes, 0, 0.15, 1),
        new(InterventionTypes.Other, 0, 0, 1),
    ];

    /// <summary>The effect on construct 0 (pressure) or 1 (speak-up) <paramref name="since"/> waves after the start (0 = the start wave).</summary>
    public double At(int construct, int since) =>
        since < 0 ? 0 : (construct == 0 ? Pressure : SpeakUp) * Math.Min(1.0, (since + 1.0) / RampWaves);
}
