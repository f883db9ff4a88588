using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Workspace.Rendering;

/// <summary>
/// The provenance field names a Figure carries: published columns as the CSV contracts name them (pressure_mean,
/// speakup_sd, n, response_rate), intervals computed from them (pressure_ci_low), item counts and shares
/// (item:{id}:{answer}, item_share:{id}:{answer}), and flag columns (flag_score, flag_pressure_change, flag_pressure_margin).
/// </summary>
public static class Fields
{
    public static string Of(Construct construct) => construct switch
    {
        Construct.Pressure => "pressure",
        Construct.SpeakUp => "speakup",
        _ => "norms",
    };

    public static string FlagChange(Construct construct) => $"flag_{Of(construct)}_change";

    public static string FlagMargin(Construct construct) => $"flag_{Of(construct)}_margin";

    public static string ItemCount(string item, int answer) => $"item:{item}:{answer}";

    public static string ItemShare(string item, int answer) => $"item_share:{item}:{answer}";

    public const string OrganisationScope = "organisation";

    /// <summary>How many units in a unit's subtree (itself included) the detector flagged in a wave: a count of flag rows.</summary>
    public const string FlaggedUnits = "flagged_units";
}
