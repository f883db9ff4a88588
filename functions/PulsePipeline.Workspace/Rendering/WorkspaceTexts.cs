using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Workspace;
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
    public required IReadOnlyDictionary<ChangeClass, string> Classes { get; init; }
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
    public required string SuppressedCell { get; init; }
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
    public required string UnitSuppressedWave { get; init; }

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
}
