namespace PulsePipeline.Lab.Detection;

/// <summary>Looks up what was planted in a unit-wave of a simulated history.</summary>
internal sealed class GroundTruth(SimulatedHistory history)
{
    private readonly Dictionary<string, PlantedEvent> events = history.Events.ToDictionary(e => e.Unit, StringComparer.Ordinal);
    private readonly Dictionary<string, int> waveIndex = history.Waves.Select((w, i) => (w, i)).ToDictionary(p => p.w, p => p.i, StringComparer.Ordinal);

    public PlantedEvent? EventOf(string unit) => events.GetValueOrDefault(unit);

    public int WaveIndex(string wave) => waveIndex[wave];

    public TruthKind Classify(string wave, string unit)
    {
        if (EventOf(unit) is not { Kind: not PlantedKind.ParticipationDrop } e)
        {
            return TruthKind.Unchanged;
        }

        var t = waveIndex[wave];
        return t < e.OnsetWave ? TruthKind.Unchanged
            : t > e.OnsetWave + 1 ? TruthKind.AfterChange
            : e.Kind == PlantedKind.Shift ? TruthKind.ShiftWindow
            : TruthKind.ImprovementWindow;
    }
}
