namespace PulsePipeline.Models.Alerts;

/// <summary>Why the digest suggests an intervention: what moved in the unit.</summary>
public enum SuggestionReason
{
    /// <summary>Pressure rose and comes mostly from senior leadership (item p6).</summary>
    LeadershipPressure,

    /// <summary>Pressure rose and comes mostly from the direct manager (item p5).</summary>
    ManagerPressure,

    /// <summary>Pressure rose and neither source stands out.</summary>
    PressureSourceUnclear,

    /// <summary>Speak-up safety fell.</summary>
    SpeakUpFell,

    /// <summary>Fewer staff know where to report (item s4).</summary>
    ReportingRoutesUnknown,
}
