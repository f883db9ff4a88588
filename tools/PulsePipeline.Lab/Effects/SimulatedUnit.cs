namespace PulsePipeline.Lab.Effects;

/// <summary>One simulated unit's fixed traits and its state as the waves go by.</summary>
internal sealed class SimulatedUnit(string id, int staff, double responseRate, double pressureOffset, double speakUpOffset)
{
    public string Id { get; } = id;

    public int Staff { get; } = staff;

    public double ResponseRate { get; } = responseRate;

    public double[] Offset { get; } = [pressureOffset, speakUpOffset];

    public double[] Drift { get; } = new double[2];

    /// <summary>Adverse shifts so far: onset wave, latent size per construct (signed), permanent share.</summary>
    public List<(int Onset, double Pressure, double SpeakUp, double Permanent)> Shifts { get; } = [];

    public List<SimulatedIntervention> Interventions { get; } = [];

    /// <summary>Deviations and variances of the published waves so far, for the simulator's flag rule.</summary>
    public List<(double Pressure, double SpeakUp, double PressureVariance, double SpeakUpVariance)> Published { get; } = [];

    public int? ScheduledStart { get; set; }

    public int? UnflaggedWave { get; set; }

    public bool Decided { get; set; }

    public bool DecidedAgain { get; set; }

    public double ShiftAt(int c, int t, double fade) => Shifts.Where(s => s.Onset <= t)
        .Sum(s => (c == 0 ? s.Pressure : s.SpeakUp) * (s.Permanent + (1 - s.Permanent) * Math.Pow(fade, t - s.Onset)));

    public double EffectAt(int c, int t) => Interventions.Sum(i => i.Truth.At(c, t - i.StartIndex));
}
