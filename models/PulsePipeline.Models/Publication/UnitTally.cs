using System.Collections.ObjectModel;
using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Models.Publication;

/// <summary>
/// What a unit's respondents gave, summed: their number, per construct the sum and sum of squares of their scores,
/// and per item how many answered 1, 2, 3, 4 and 5. A tally holds only totals, never single responses, and tallies
/// add, which is how a unit's figures roll up over its descendants.
/// </summary>
/// <remarks>
/// Every respondent counts in every construct and item the tally has (a construct score averages all its items, so
/// a response is tallied only complete), hence one <see cref="N"/> covers them all and each item's counts sum to N. Two non-empty tallies only add when they have the
/// same constructs and items: different sets mean different instrument versions, which must never mix silently.
/// </remarks>
public sealed class UnitTally
{
    public const int AnswerCount = 5;

    /// <summary>Bounds the totals so that the exact decimal arithmetic can never overflow.</summary>
    public const long MaxN = 1_000_000_000;

    public UnitTally(long n, IReadOnlyDictionary<Construct, ConstructSums>? constructs = null, IReadOnlyDictionary<string, IReadOnlyList<long>>? items = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, MaxN);
        N = n;
        Constructs = (constructs ?? new Dictionary<Construct, ConstructSums>()).ToDictionary().AsReadOnly();
        Items = (items ?? new Dictionary<string, IReadOnlyList<long>>())
            .ToDictionary(p => p.Key, p => (IReadOnlyList<long>)Array.AsReadOnly(p.Value.ToArray()), StringComparer.Ordinal).AsReadOnly();

        foreach (var (construct, sums) in Constructs)
        {
            if (sums.Problem(n) is { } problem)
            {
                throw new ArgumentException($"{construct}: {problem}", nameof(constructs));
            }
        }

        foreach (var (item, counts) in Items)
        {
            if (counts.Count != AnswerCount || counts.Any(c => c < 0) || counts.Sum() != n)
            {
                throw new ArgumentException($"item {item}: expected {AnswerCount} non-negative counts (answers 1 to 5) that sum to n = {n}", nameof(items));
            }
        }
    }

    // Used by Add for results it has built itself, which need no re-validation.
    private UnitTally(long n, ReadOnlyDictionary<Construct, ConstructSums> constructs, ReadOnlyDictionary<string, IReadOnlyList<long>> items)
    {
        N = n;
        Constructs = constructs;
        Items = items;
    }

    /// <summary>No respondents: the tally of a unit nobody in it answered for.</summary>
    public static UnitTally Empty { get; } = new(0);

    public long N { get; }

    public IReadOnlyDictionary<Construct, ConstructSums> Constructs { get; }

    /// <summary>Item id to the counts of answers 1 to 5 (index 0 is answer 1).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<long>> Items { get; }

    /// <summary>A tally for whole-survey respondents from the pipeline's integer item totals per construct.</summary>
    /// <param name="n">The number of respondents.</param>
    /// <param name="constructs">Per construct: the total of respondents' item sums, the total of their squares, and the number of items m.</param>
    /// <param name="items">Optional answer counts per item.</param>
    public static UnitTally FromItemSums(
        long n,
        IReadOnlyDictionary<Construct, (long ItemSum, long ItemSumOfSquares, int ItemCount)> constructs,
        IReadOnlyDictionary<string, IReadOnlyList<long>>? items = null)
    {
        ArgumentNullException.ThrowIfNull(constructs);
        return new UnitTally(n, constructs.ToDictionary(p => p.Key, p => ConstructSums.FromItemSums(p.Value.ItemSum, p.Value.ItemSumOfSquares, p.Value.ItemCount)), items);
    }

    public static UnitTally operator +(UnitTally left, UnitTally right) => Add(left, right);

    public static UnitTally Add(UnitTally left, UnitTally right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (right.N == 0)
        {
            return left;
        }

        if (left.N == 0)
        {
            return right;
        }

        if (!SameKeys(left.Constructs, right.Constructs) || !SameKeys(left.Items, right.Items))
        {
            throw new ArgumentException("the tallies cover different constructs or items (different instrument versions?) and cannot be added");
        }

        var n = checked(left.N + right.N);
        var constructs = left.Constructs.ToDictionary(p => p.Key, p => p.Value + right.Constructs[p.Key]).AsReadOnly();
        var items = left.Items.ToDictionary(
            p => p.Key,
            p => (IReadOnlyList<long>)Array.AsReadOnly(p.Value.Zip(right.Items[p.Key], (a, b) => checked(a + b)).ToArray()),
            StringComparer.Ordinal).AsReadOnly();
        return new UnitTally(n, constructs, items);
    }

    private static bool SameKeys<TKey, TValue>(IReadOnlyDictionary<TKey, TValue> left, IReadOnlyDictionary<TKey, TValue> right) =>
        left.Count == right.Count && left.Keys.All(right.ContainsKey);
}
