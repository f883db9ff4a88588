using PulsePipeline.Pipeline.Storage.Entities;

namespace PulsePipeline.Pipeline.Plans;

/// <summary>
/// A plan's design-based effect on one construct as known at one published wave: partition the plan id, row key
/// "e|", the as-of wave and the construct. Kept in the plans table, apart from the observational effects, so no reader of
/// those mistakes a plan row for a unit's. Words are not stored: readers word the fields in their own language.
/// </summary>
public sealed class PlanEffectEntity : TableRow
{
    public const string RowPrefix = "e|";

    public string Type { get; set; } = "";

    /// <summary>The contract's construct word: pressure or speakup.</summary>
    public string Construct { get; set; } = "";

    /// <summary>The members counted (effects.csv's post_waves on a plan row).</summary>
    public int Members { get; set; }

    public double? Estimate { get; set; }

    public double? CiLow { get; set; }

    public double? CiHigh { get; set; }

    /// <summary>The contract's verdict word.</summary>
    public string Verdict { get; set; } = "";

    /// <summary>Models.Effects.Plans.PlanReason name; "None" with an estimate.</summary>
    public string Reason { get; set; } = "";

    /// <summary>The window's published waves used so far, comma-separated in order.</summary>
    public string Window { get; set; } = "";

    public bool WindowClosed { get; set; }

    public int Cohorts { get; set; }

    public int WithBaseline { get; set; }

    public static string Key(string wave, string construct) => $"{RowPrefix}{wave}|{construct}";
}
