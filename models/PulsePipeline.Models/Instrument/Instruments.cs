using System.Diagnostics.CodeAnalysis;

namespace PulsePipeline.Models.Instrument;

/// <summary>Every instrument version the pipeline knows. New waves use <see cref="Current"/>.</summary>
public static class Instruments
{
    public static SurveyInstrument Current { get; } = IntegrityPulseV1.Instrument;

    private static readonly IReadOnlyList<SurveyInstrument> All = [IntegrityPulseV1.Instrument];

    public static bool TryGet(string? version, [NotNullWhen(true)] out SurveyInstrument? instrument)
    {
        instrument = All.FirstOrDefault(i => i.Version == version);
        return instrument is not null;
    }
}
