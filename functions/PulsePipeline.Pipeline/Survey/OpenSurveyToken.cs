using PulsePipeline.Models.Instrument;
using PulsePipeline.Pipeline.Storage.Entities;

namespace PulsePipeline.Pipeline.Survey;

/// <summary>A token that may answer now: its row (with the ETag to mark it used under), its open wave and the wave's instrument.</summary>
public sealed record OpenSurveyToken(TokenEntity Row, WaveEntity Wave, SurveyInstrument Instrument);
