using PulsePipeline.Models.Detection;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Interventions;

namespace PulsePipeline.Models.Alerts;

/// <summary>
/// Chooses interventions of the catalogue by what moved: rising pressure points to its source (senior leadership:
/// moral deliberation with the leadership team; the direct manager: the good conversation), falling speak-up safety
/// to leadership coaching on welcoming contradiction, and a fall in knowing where to report (s4) to making the
/// reporting routes known. Each type is suggested once, for the first reason found.
/// </summary>
public static class SuggestedInterventions
{
    /// <summary>An item mean change this large (1–5 scale) counts as moved.</summary>
    public const double Moved = 0.2;

    /// <summary>Below this mean of s4 ("I know where to report"), the routes are not known well enough.</summary>
    public const double KnowsWhereToReportAtLeast = 3.5;

    public static IReadOnlyList<Suggestion> For(UnitFlag flag, ItemShift items)
    {
        ArgumentNullException.ThrowIfNull(flag);
        ArgumentNullException.ThrowIfNull(items);
        var suggestions = new List<Suggestion>();
        if (flag.PressureChange is > 0 && flag.Reasons.Any(r => r.IsMoveOf(Construct.Pressure)))
        {
            var manager = items.ManagerPressure ?? 0;
            var leadership = items.LeadershipPressure ?? 0;
            if (leadership >= Moved && leadership >= manager)
            {
                Add(suggestions, InterventionTypes.MoralDeliberation, SuggestionReason.LeadershipPressure);
            }

            if (manager >= Moved && manager >= leadership)
            {
                Add(suggestions, InterventionTypes.GoodConversation, SuggestionReason.ManagerPressure);
            }

            if (suggestions.Count == 0)
            {
                // The source is unclear: both conversations are worth having.
                Add(suggestions, InterventionTypes.GoodConversation, SuggestionReason.PressureSourceUnclear);
                Add(suggestions, InterventionTypes.MoralDeliberation, SuggestionReason.PressureSourceUnclear);
            }
        }

        if (flag.SpeakUpChange is < 0 && flag.Reasons.Any(r => r.IsMoveOf(Construct.SpeakUp)))
        {
            Add(suggestions, InterventionTypes.LeadershipCoaching, SuggestionReason.SpeakUpFell);
        }

        if (items.KnowsWhereToReport <= -Moved || items.KnowsWhereToReportNow < KnowsWhereToReportAtLeast)
        {
            Add(suggestions, InterventionTypes.ReportingRoutes, SuggestionReason.ReportingRoutesUnknown);
        }

        return suggestions;
    }

    private static void Add(List<Suggestion> suggestions, string typeId, SuggestionReason because)
    {
        if (!suggestions.Any(s => s.Type.Id == typeId))
        {
            suggestions.Add(new Suggestion(InterventionTypes.Get(typeId), because));
        }
    }
}
