using System.Runtime.Serialization;

namespace PulsePipeline.Pipeline.Storage.Entities;

/// <summary>
/// An intervention's effect on one construct as known at one published wave: partition the as-of wave id, row key
/// <see cref="UnitRow"/> (the encoded intervention id and the construct). A type's pooled effect has row key
/// <see cref="PooledRow"/> and <see cref="Unit"/> "*". Only published figures went into it. Words are not stored:
/// the digest and the workspace word the structured fields in their reader's language.
/// </summary>
public sealed class EffectEntity : TableRow
{
    /// <summary>No encoded intervention id can start with this: TableKeys.Encode writes '%' only before hex digits.</summary>
    public const string PooledPrefix = "%pooled|";

    /// <summary>The unit id as HR wrote it; "*" on a pooled row.</summary>
    public string Unit { get; set; } = "";

    /// <summary>The registry's intervention id; empty on a pooled row.</summary>
    public string InterventionId { get; set; } = "";

    /// <summary>The catalogue type id (Models.Interventions.InterventionTypes).</summary>
    public string Type { get; set; } = "";

    /// <summary>Empty on a pooled row.</summary>
    public string StartWave { get; set; } = "";

    /// <summary>The contract's construct word: pressure or speakup.</summary>
    public string Construct { get; set; } = "";

    /// <summary>Published waves of the unit used after the start; on a pooled row, the number of effects pooled.</summary>
    public int PostWaves { get; set; }

    /// <summary>The post waves used, comma-separated in wave order; empty on a pooled row.</summary>
    public string PostWaveIds { get; set; } = "";

    public int PreWaves { get; set; }

    public double? Estimate { get; set; }

    public double? CiLow { get; set; }

    public double? CiHigh { get; set; }

    public double? StandardError { get; set; }

    /// <summary>The contract's verdict word: improved, worsened, no-clear-change or inconclusive.</summary>
    public string Verdict { get; set; } = "";

    /// <summary>Why it is inconclusive (Models.Effects.InconclusiveReason name); "None" otherwise.</summary>
    public string Reason { get; set; } = "";

    /// <summary>What an inconclusive effect lacks (Models.Effects.EffectShortfall), each null where its reason does not count it: the words are made from these.</summary>
    public int? MoreWavesNeeded { get; set; }

    public int? PreWavesMissing { get; set; }

    public int? ComparisonUnitsMissing { get; set; }

    public int? ComparisonWindowsMissing { get; set; }

    /// <summary>Pooled rows: units with a conclusive estimate short of the two needed.</summary>
    public int? UnitsMissing { get; set; }

    public double? ObservedDeviation { get; set; }

    public double? CounterfactualDeviation { get; set; }

    /// <summary>What a naive before/after comparison would have said, for explaining why it is not used.</summary>
    public double? BeforeAfter { get; set; }

    public int ComparisonUnits { get; set; }

    public int Placebos { get; set; }

    public double MedianRespondents { get; set; }

    /// <summary>Pooled rows: between-unit SD of the true effects, and the type's effects that could not be pooled.</summary>
    public double? BetweenUnitSd { get; set; }

    public int Inconclusive { get; set; }

    [IgnoreDataMember]
    public bool IsPooled => RowKey.StartsWith(PooledPrefix, StringComparison.Ordinal);

    public static string UnitRow(string interventionId, string construct) => $"{TableKeys.Encode(interventionId)}|{construct}";

    public static string PooledRow(string type, string construct) => $"{PooledPrefix}{type}|{construct}";
}
