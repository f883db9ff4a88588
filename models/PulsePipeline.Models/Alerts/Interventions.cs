using PulsePipeline.Models.Detection;

namespace PulsePipeline.Models.Alerts;

/// <summary>
/// Chooses suggestions by what moved: rising pressure points to its source (direct manager or senior leadership,
/// from items p5 and p6), falling speak-up safety to speak-up work, and a fall in knowing where to report (s4) to
/// making the reporting routes known.
/// </summary>
public static class Interventions
{
    /// <summary>An item mean change this large (1–5 scale) counts as moved.</summary>
    public const double Moved = 0.2;

    public static IReadOnlyList<Intervention> For(UnitFlag flag, ItemShift items)
    {
        var suggestions = new List<Intervention>();
        if (flag.PressureChange is > 0 && flag.Reasons.Any(r => r.StartsWith("pressure", StringComparison.Ordinal)))
        {
            var manager = items.ManagerPressure ?? 0;
            var leadership = items.LeadershipPressure ?? 0;
            if (leadership >= Moved && leadership >= manager)
            {
                suggestions.Add(Intervention.LeadershipDeliberation);
            }

            if (manager >= Moved && manager >= leadership)
            {
                suggestions.Add(Intervention.ManagerConversation);
            }

            if (suggestions.Count == 0)
            {
                // The source is unclear: both conversations are worth having.
                suggestions.AddRange([Intervention.ManagerConversation, Intervention.LeadershipDeliberation]);
            }
        }

        if (flag.SpeakUpChange is < 0 && flag.Reasons.Any(r => r.StartsWith("speak-up", StringComparison.Ordinal)))
        {
            suggestions.Add(Intervention.SpeakUpSafety);
        }

        if (items.KnowsWhereToReport <= -Moved || items.KnowsWhereToReportNow < 3.5)
        {
            suggestions.Add(Intervention.ReportingRoutes);
        }

        return suggestions;
    }

    public static string Describe(Intervention intervention) => intervention switch
    {
        Intervention.LeadershipDeliberation => "Moral deliberation sessions with the leadership team on the pressure staff feel from the top, including targets and deadlines that invite cutting corners.",
        Intervention.ManagerConversation => "The toolkit for the manager–employee conversation on integrity dilemmas, with coaching for the unit's managers.",
        Intervention.SpeakUpSafety => "Team sessions on speaking up and on how contradiction is received; managers who visibly welcome concerns.",
        Intervention.ReportingRoutes => "Make the confidential adviser (vertrouwenspersoon) and the independent reporting route (Huis voor Klokkenluiders) known in the unit.",
        _ => throw new ArgumentOutOfRangeException(nameof(intervention)),
    };
}
