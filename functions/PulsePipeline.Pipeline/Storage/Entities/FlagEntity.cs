using System.Runtime.Serialization;

namespace PulsePipeline.Pipeline.Storage.Entities;

/// <summary>
/// The detector's verdict on a unit in a wave: partition the wave id, row key the encoded unit id (<see cref="Unit"/>);
/// the organisation-level change of the wave has row key <see cref="OrganisationRow"/>.
/// </summary>
public sealed class FlagEntity : TableRow
{
    /// <summary>No unit's key can be this: TableKeys.Encode writes '%' only before hex digits.</summary>
    public const string OrganisationRow = "%organisation";

    public string Status { get; set; } = "";

    public bool Flagged { get; set; }

    public double? Score { get; set; }

    public int? N { get; set; }

    public double? PressureChange { get; set; }

    public double? PressureUncertainty { get; set; }

    public double? SpeakUpChange { get; set; }

    public double? SpeakUpUncertainty { get; set; }

    /// <summary>The reasons in English, as the flags CSV words them.</summary>
    public string Reasons { get; set; } = "";

    /// <summary>The same reasons as data (<see cref="Models.Detection.ReasonJson"/>), for the digest to word in its own language.</summary>
    public string ReasonData { get; set; } = "";

    /// <summary>The model that decided, so a flag can always be traced to its model and training data.</summary>
    public string ModelVersion { get; set; } = "";

    /// <summary>The unit id as HR wrote it (the row key decoded); not for the <see cref="OrganisationRow"/>.</summary>
    [IgnoreDataMember]
    public string Unit => TableKeys.Decode(RowKey);
}
