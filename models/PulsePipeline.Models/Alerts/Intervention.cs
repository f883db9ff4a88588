namespace PulsePipeline.Models.Alerts;

/// <summary>An intervention IPIM can offer a unit, chosen by what moved there.</summary>
public enum Intervention
{
    /// <summary>Pressure rose and comes mostly from senior leadership.</summary>
    LeadershipDeliberation,

    /// <summary>Pressure rose and comes mostly from the direct manager.</summary>
    ManagerConversation,

    /// <summary>Speak-up safety fell.</summary>
    SpeakUpSafety,

    /// <summary>Staff do not know (or less often know) where to report.</summary>
    ReportingRoutes,
}
