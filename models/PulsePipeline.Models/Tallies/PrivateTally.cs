using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Publication;

namespace PulsePipeline.Models.Tallies;

/// <summary>
/// A unit's running totals for one wave, kept privately until the wave closes: the number of respondents, per
/// construct the integer sum of respondents' item sums and of their squares, and per item how many chose each
/// answer. Integers keep the totals exact however many responses are added; nothing per response survives.
/// </summary>
public sealed record PrivateTally(string InstrumentVersion, long N, IReadOnlyDictionary<Construct, ConstructTotals> Constructs, IReadOnlyDictionary<string, long[]> Counts)
{
    public static PrivateTally Empty(SurveyInstrument instrument) => new(
        instrument.Version,
        0,
        Enum.GetValues<Construct>().ToDictionary(c => c, _ => new ConstructTotals(0, 0)),
        instrument.Items.ToDictionary(i => i.Id, _ => new long[SurveyItem.MaxAnswer], StringComparer.Ordinal));

    /// <summary>This tally with one complete response added; the answers are validated by the response message.</summary>
    public PrivateTally Add(SurveyInstrument instrument, IReadOnlyDictionary<string, int> answers)
    {
        if (instrument.Version != InstrumentVersion)
        {
            throw new ArgumentException($"a {instrument.Version} response cannot be added to a {InstrumentVersion} tally", nameof(instrument));
        }

        var constructs = Constructs.ToDictionary(p => p.Key, p =>
        {
            var itemSum = instrument.ItemSum(p.Key, answers);
            return new ConstructTotals(p.Value.ItemSum + itemSum, p.Value.ItemSumOfSquares + ((long)itemSum * itemSum));
        });
        var counts = Counts.ToDictionary(p => p.Key, p => (long[])p.Value.Clone(), StringComparer.Ordinal);
        foreach (var (item, answer) in answers)
        {
            counts[item][answer - SurveyItem.MinAnswer]++;
        }

        return new PrivateTally(InstrumentVersion, N + 1, constructs, counts);
    }

    /// <summary>The tally as publication rolls it up: construct scores on the 1–5 scale and answer counts.</summary>
    public UnitTally ToUnitTally(SurveyInstrument instrument) => UnitTally.FromItemSums(
        N,
        Constructs.ToDictionary(p => p.Key, p => (p.Value.ItemSum, p.Value.ItemSumOfSquares, instrument.ItemCount(p.Key))),
        Counts.ToDictionary(p => p.Key, p => (IReadOnlyList<long>)p.Value, StringComparer.Ordinal));
}
