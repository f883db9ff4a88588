using System.Collections.Frozen;

namespace PulsePipeline.Models.Instrument;

/// <summary>
/// A versioned questionnaire. A wave records the version it was opened with, and every response and tally
/// carries it, so a change of wording never mixes with older data silently.
/// </summary>
public sealed class SurveyInstrument
{
    private readonly FrozenDictionary<string, SurveyItem> byId;

    public SurveyInstrument(string version, IReadOnlyList<SurveyItem> items, IReadOnlyList<LocalizedText> scaleLabels)
    {
        Version = version;
        Items = items;
        ScaleLabels = scaleLabels;
        byId = items.ToFrozenDictionary(i => i.Id, StringComparer.Ordinal);
    }

    public string Version { get; }

    public IReadOnlyList<SurveyItem> Items { get; }

    /// <summary>Labels of the answer options 1..5, in order.</summary>
    public IReadOnlyList<LocalizedText> ScaleLabels { get; }

    public IEnumerable<SurveyItem> ItemsOf(Construct construct) => Items.Where(i => i.Construct == construct);

    public bool TryGetItem(string id, out SurveyItem item) => byId.TryGetValue(id, out item!);

    /// <summary>
    /// A respondent's score on a construct as the integer sum of their scored answers; divide by the item
    /// count for the 1–5 mean. Integers keep tallies exact however many responses are added.
    /// </summary>
    public int ItemSum(Construct construct, IReadOnlyDictionary<string, int> answers) =>
        ItemsOf(construct).Sum(i => i.Scored(answers[i.Id]));

    public int ItemCount(Construct construct) => ItemsOf(construct).Count();
}
