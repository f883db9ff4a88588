using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Identifiers;
using PulsePipeline.Models.Waves;

namespace PulsePipeline.Models.Messages;

/// <summary>
/// One employee's answers on their way to the private tally. It carries no identity: the token hash is there
/// only so the tally can count it once (its marker is deleted when the wave is published), and the unit is
/// the one the token row names. Answers are item id → 1..5 for exactly the instrument's items.
/// </summary>
public sealed record ResponseMessage(string WaveId, string UnitId, string TokenHash, string InstrumentVersion, IReadOnlyDictionary<string, int> Answers) : IQueueMessage
{
    public IEnumerable<string> Problems()
    {
        if (!WaveIds.IsValid(WaveId))
        {
            yield return "waveId is not a valid wave id";
        }

        if (!Identifier.IsValid(UnitId))
        {
            yield return "unitId is not a valid unit id";
        }

        if (TokenHash is null || TokenHash.Length != 64 || !TokenHash.All(char.IsAsciiHexDigitLower))
        {
            yield return "tokenHash is not a lower-case hex SHA-256";
        }

        if (!Instruments.TryGet(InstrumentVersion, out var instrument))
        {
            yield return "instrumentVersion is unknown";
            yield break;
        }

        if (Answers is null || Answers.Count != instrument.Items.Count || !instrument.Items.All(i => Answers.ContainsKey(i.Id)))
        {
            yield return "answers must hold exactly the instrument's items";
            yield break;
        }

        if (Answers.Values.Any(a => a is < SurveyItem.MinAnswer or > SurveyItem.MaxAnswer))
        {
            yield return $"every answer must be {SurveyItem.MinAnswer}–{SurveyItem.MaxAnswer}";
        }
    }
}
