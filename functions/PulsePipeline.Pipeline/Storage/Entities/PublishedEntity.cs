using System.Runtime.Serialization;

namespace PulsePipeline.Pipeline.Storage.Entities;

/// <summary>
/// A unit's k-anonymous result for a wave: partition the wave id, row key the encoded unit id (<see cref="Unit"/>). A suppressed unit has
/// Published = false and no figures at all (not even n), only why it is withheld (<see cref="Withheld"/>), which privacy
/// rule 3 requires to be said truthfully and which is a range, never a count.
/// </summary>
public sealed class PublishedEntity : TableRow
{
    public string Name { get; set; } = "";

    public string Parent { get; set; } = "";

    public bool Published { get; set; }

    public long? N { get; set; }

    public long? Invited { get; set; }

    /// <summary>Only where at least k were invited.</summary>
    public double? ResponseRate { get; set; }

    public double? PressureMean { get; set; }

    public double? PressureSd { get; set; }

    public double? SpeakUpMean { get; set; }

    public double? SpeakUpSd { get; set; }

    public double? NormsMean { get; set; }

    public double? NormsSd { get; set; }

    /// <summary>
    /// Why a suppressed unit is withheld, a <see cref="Models.Publication.SuppressionReason"/> name (FewerThanK, Secondary);
    /// empty on a published row, and on a suppressed row published before the reason was stored (it is then not known).
    /// </summary>
    public string Withheld { get; set; } = "";

    /// <summary>Item id → counts of answers 1..5, as JSON; empty when suppressed.</summary>
    public string Items { get; set; } = "";

    /// <summary>The unit id as HR wrote it (the row key decoded).</summary>
    [IgnoreDataMember]
    public string Unit => TableKeys.Decode(RowKey);
}
