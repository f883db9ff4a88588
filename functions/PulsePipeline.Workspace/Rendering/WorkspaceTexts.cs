using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Publication;
using PulsePipeline.Workspace.Access;

namespace PulsePipeline.Workspace.Rendering;

/// <summary>
/// Every sentence the workspace shows, in Dutch (<see cref="WorkspaceTextsNl"/>) and English
/// (<see cref="WorkspaceTextsEn"/>). Texts with {0} are formats. No text holds a figure: figures come only from
/// published rows, through the Figure component.
/// </summary>
public sealed record WorkspaceTexts
{
    public static WorkspaceTexts For(Language language) => language == Language.Nl ? WorkspaceTextsNl.Texts : WorkspaceTextsEn.Texts;

    public required string Brand { get; init; }
    public required string SkipToContent { get; init; }
    public required string MainNavigation { get; init; }
    public required string NavOverview { get; init; }
    public required string NavHeatmap { get; init; }
    public required string OtherLanguageName { get; init; }
    public required string SignedInAs { get; init; }
    public required string SignOut { get; init; }
    public required IReadOnlyDictionary<Construct, string> Constructs { get; init; }
    public required IReadOnlyDictionary<Construct, string> ConstructDirection { get; init; }
    public required IReadOnlyDictionary<string, string> Statuses { get; init; }
    public required IReadOnlyDictionary<CellMark, string> Marks { get; init; }
    public required IReadOnlyDictionary<CellMark, string> MarkLegend { get; init; }
    public required string Wave { get; init; }
    public required string Unit { get; init; }
    public required string Respondents { get; init; }
    public required string Invited { get; init; }
    public required string ResponseRate { get; init; }
    public required string Mean { get; init; }
    public required string Sd { get; init; }
    public required string IntervalLow { get; init; }
    public required string IntervalHigh { get; init; }
    public required string Change { get; init; }
    public required string Margin { get; init; }
    public required string Score { get; init; }
    public required string Status { get; init; }
    public required string Flagged { get; init; }
    public required string Yes { get; init; }
    public required string No { get; init; }
    public required string Reasons { get; init; }
    public required string WithheldFewerThanK { get; init; }
    public required string WithheldSecondary { get; init; }
    public required string WithheldUnrecorded { get; init; }
    public required string WithheldFewerThanKShort { get; init; }
    public required string WithheldSecondaryShort { get; init; }
    public required string WithheldUnrecordedShort { get; init; }
    public required string WithheldLegend { get; init; }
    public required string IntervalTo { get; init; }
    public required string ChangeAxis { get; init; }
    public required string FlagSinceHeading { get; init; }
    public required string FlaggedInWaves { get; init; }
    public required string NoHistoryCell { get; init; }
    public required string MissingCell { get; init; }
    public required string NoWavesYet { get; init; }

    public required string OverviewTitle { get; init; }
    public required string OverviewHeading { get; init; }
    public required string ParticipationHeading { get; init; }
    public required string ParticipationSuppressed { get; init; }
    public required string OrganisationHeading { get; init; }
    public required string OrganisationNone { get; init; }
    public required string OrganisationIntro { get; init; }
    public required string FlaggedHeading { get; init; }
    public required string FlaggedIntro { get; init; }
    public required string FlaggedNone { get; init; }
    public required string FlaggedChart { get; init; }
    public required string InterventionsRunningHeading { get; init; }
    public required string EffectsConclusiveHeading { get; init; }

    public required string HeatmapTitle { get; init; }
    public required string HeatmapHeading { get; init; }
    public required string HeatmapIntro { get; init; }
    public required string HeatmapConstruct { get; init; }
    public required string HeatmapEarlier { get; init; }
    public required string HeatmapLater { get; init; }
    public required string HeatmapAsTable { get; init; }
    public required string HeatmapAsHeatmap { get; init; }
    public required string HeatmapLegend { get; init; }
    public required string HeatmapTableCaption { get; init; }
    public required string HeatmapOrganisation { get; init; }
    public required string HeatmapAllUnits { get; init; }
    public required string HeatmapAllMinistries { get; init; }
    public required string HeatmapWaves { get; init; }
    public required string HeatmapFlaggedNow { get; init; }

    public required string UnitTitle { get; init; }
    public required string UnitPlaceHeading { get; init; }
    public required string UnitPath { get; init; }
    public required string UnitParent { get; init; }
    public required string UnitChildren { get; init; }
    public required string UnitNoChildren { get; init; }
    public required string UnitIsRoot { get; init; }
    public required string UnitTrendsHeading { get; init; }
    public required string UnitTrendIntro { get; init; }
    public required string UnitTrendChart { get; init; }
    public required string UnitItemsHeading { get; init; }
    public required string UnitItemsNone { get; init; }
    public required string UnitItemChart { get; init; }
    public required string UnitItem { get; init; }
    public required string UnitFlagsHeading { get; init; }
    public required string UnitFlagsNone { get; init; }
    public required string UnitInterventionsHeading { get; init; }
    public required string UnitNowHeading { get; init; }
    public required string UnitNowDetector { get; init; }
    public required string UnitNowOrganisation { get; init; }
    public required string UnitNowNoVerdict { get; init; }
    public required string UnitNowChange { get; init; }
    public required string UnitNowNoEstimate { get; init; }
    public required string UnitNowWatch { get; init; }
    public required string WatchExplained { get; init; }
    public required string WatchPersist { get; init; }
    public required string WatchNoIntervention { get; init; }
    public required string WatchFirstEstimate { get; init; }
    public required string WatchParticipation { get; init; }
    public required string WatchLasting { get; init; }
    public required string WatchNothing { get; init; }
    public required string TrendFlagMark { get; init; }
    public required string TrendStartMark { get; init; }

    public required string SearchTitle { get; init; }
    public required string SearchIntro { get; init; }
    public required string SearchLabel { get; init; }
    public required string SearchPlaceholder { get; init; }
    public required string SearchSubmit { get; init; }
    public required string SearchResults { get; init; }
    public required string SearchNone { get; init; }
    public required string SearchMore { get; init; }

    public required string SignInTitle { get; init; }
    public required string SignInIntro { get; init; }
    public required string SignInName { get; init; }
    public required string SignInRole { get; init; }
    public required IReadOnlyDictionary<string, string> SignInRoles { get; init; }
    public required string SignInSubmit { get; init; }
    public required string SignInNameProblem { get; init; }

    public required IReadOnlyDictionary<WorkspaceProblem, (string Title, string Text)> Problems { get; init; }
    public required IReadOnlyDictionary<SignInRefusal, (string Title, string Text)> Refusals { get; init; }
    public required string SignInLink { get; init; }
    public required string BackToOverview { get; init; }

    /// <summary>Why a unit's wave has no figures, in full (privacy rule 3: the reason, never a count).</summary>
    public string WithheldLong(SuppressionReason? reason) => reason switch
    {
        SuppressionReason.FewerThanK => WithheldFewerThanK,
        SuppressionReason.Secondary => WithheldSecondary,
        _ => WithheldUnrecorded,
    };

    /// <summary>The same in a few words, for a heatmap cell or a list.</summary>
    public string WithheldShort(SuppressionReason? reason) => reason switch
    {
        SuppressionReason.FewerThanK => WithheldFewerThanKShort,
        SuppressionReason.Secondary => WithheldSecondaryShort,
        _ => WithheldUnrecordedShort,
    };
}
