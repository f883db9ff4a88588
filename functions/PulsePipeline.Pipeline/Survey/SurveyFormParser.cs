using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Pipeline.Survey;

/// <summary>
/// Reads an application/x-www-form-urlencoded survey body against an instrument: every item exactly once with a
/// value "1" to "5", and nothing else. Strict on purpose: a browser filling the form never sends anything else,
/// so anything else is refused rather than guessed at. Field names and values are never echoed or logged.
/// </summary>
public static class SurveyFormParser
{
    public static SurveyFormResult Parse(string body, SurveyInstrument instrument)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var repeated = new HashSet<string>(StringComparer.Ordinal);
        var unexpected = false;
        foreach (var pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Decode(pair[(equals + 1)..]);
            if (!instrument.TryGetItem(name, out _))
            {
                unexpected = true;
            }
            else if (!values.TryAdd(name, value))
            {
                repeated.Add(name);
            }
        }

        var answers = new Dictionary<string, int>(StringComparer.Ordinal);
        var errors = new Dictionary<string, SurveyFieldError>(StringComparer.Ordinal);
        foreach (var item in instrument.Items)
        {
            if (!values.TryGetValue(item.Id, out var value))
            {
                errors[item.Id] = SurveyFieldError.Missing;
            }
            else if (repeated.Contains(item.Id) || !TryParseAnswer(value, out var answer))
            {
                errors[item.Id] = SurveyFieldError.Invalid;
            }
            else
            {
                answers[item.Id] = answer;
            }
        }

        return new SurveyFormResult(answers, errors, unexpected);
    }

    /// <summary>Exactly one ASCII digit 1–5: no sign, no padding, no leading zero.</summary>
    private static bool TryParseAnswer(string value, out int answer)
    {
        answer = value is [var digit] ? digit - '0' : 0;
        return answer is >= SurveyItem.MinAnswer and <= SurveyItem.MaxAnswer;
    }

    // Form encoding: '+' is a space, then percent-escapes; malformed escapes stay as they are and so never match.
    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
