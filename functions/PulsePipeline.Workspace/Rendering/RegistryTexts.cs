using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Workspace.Rendering;

/// <summary>
/// The sentences of the registry pages (interventions, catalogue, effects, audit), in Dutch (<see cref="RegistryTextsNl"/>)
/// and English (<see cref="RegistryTextsEn"/>). Like <see cref="WorkspaceTexts"/>, no text holds a figure.
/// </summary>
public sealed record RegistryTexts
{
    public static RegistryTexts For(Language language) => language == Language.Nl ? RegistryTextsNl.Texts : RegistryTextsEn.Texts;

    public required string NavInterventions { get; init; }
    public required string NavEffects { get; init; }
    public required string NavCatalogue { get; init; }
    public required string NavAudit { get; init; }
    public required string InterventionsTitle { get; init; }
    public required string InterventionsIntro { get; init; }
    public required string FilterHeading { get; init; }
    public required string FilterType { get; init; }
    public required string FilterStatus { get; init; }
    public required string FilterMinistry { get; init; }
    public required string FilterAny { get; init; }
    public required string FilterApply { get; init; }
    public required string InterventionsNone { get; init; }
    public required string RecordNew { get; init; }
    public required string InterventionId { get; init; }
    public required string Type { get; init; }
    public required string StartWave { get; init; }
    public required string Owner { get; init; }
    public required string Notes { get; init; }
    public required string Edit { get; init; }
    public required string NewTitle { get; init; }
    public required string EditTitle { get; init; }
    public required string UnitField { get; init; }
    public required string UnitHint { get; init; }
    public required string TypeField { get; init; }
    public required string StartWaveField { get; init; }
    public required string StartWaveHint { get; init; }
    public required string StartWaveUpcoming { get; init; }
    public required string StartWavePublished { get; init; }
    public required string StatusField { get; init; }
    public required string OwnerField { get; init; }
    public required string OwnerHint { get; init; }
    public required string NotesField { get; init; }
    public required string NotesGuidance { get; init; }
    public required string NotesLimit { get; init; }
    public required string Save { get; init; }
    public required string ErrorSummary { get; init; }
    public required string ConflictTitle { get; init; }
    public required string ConflictText { get; init; }
    public required string TheirVersion { get; init; }
    public required string SavedText { get; init; }
    public required string UnchangedText { get; init; }
    public required string EndHeading { get; init; }
    public required string EndText { get; init; }
    public required string EndSubmit { get; init; }
    public required string EndedText { get; init; }
    public required string RecordedFor { get; init; }
    public required string CatalogueTitle { get; init; }
    public required string CatalogueIntro { get; init; }
    public required string Purpose { get; init; }
    public required string AuditTitle { get; init; }
    public required string AuditIntro { get; init; }
    public required string AuditFrom { get; init; }
    public required string AuditTo { get; init; }
    public required string AuditShow { get; init; }
    public required string Day { get; init; }
    public required string Actor { get; init; }
    public required string ActorId { get; init; }
    public required string ActorIdMissing { get; init; }
    public required string Action { get; init; }
    public required string Subject { get; init; }
    public required string Detail { get; init; }
    public required string AuditNone { get; init; }
    public required string AuditTruncated { get; init; }
    public required string AuditBadRange { get; init; }
    public required string EffectsTitle { get; init; }
    public required string EffectsIntro { get; init; }
    public required string AsOf { get; init; }
    public required string Construct { get; init; }
    public required string Estimate { get; init; }
    public required string IntervalLow { get; init; }
    public required string IntervalHigh { get; init; }

    /// <summary>The header of an interval shown in one column, "low to high".</summary>
    public required string Interval { get; init; }
    public required string Verdict { get; init; }
    public required string UnitsPooled { get; init; }
    public required string InconclusiveUnits { get; init; }
    public required string Why { get; init; }
    public required string ConclusiveWhen { get; init; }
    public required string EffectsNone { get; init; }
    public required string EffectsUnitsOfType { get; init; }
    public required string EffectChart { get; init; }
    public required string EffectAxis { get; init; }
    public required string ChanceVerdicts { get; init; }
    public required string ChanceLabelled { get; init; }
    public required string ChanceExpected { get; init; }
    public required string ChanceMeaning { get; init; }
    public required string UnitEffect { get; init; }
    public required string UnitInterventionsIntro { get; init; }
    public required string UnitInterventionsNone { get; init; }
    public required string UnitRecord { get; init; }
    public required string UnitEffectsNone { get; init; }
    public required string RunningIntro { get; init; }
    public required string RunningNone { get; init; }
    public required string ConclusiveIntro { get; init; }
    public required string ConclusiveNone { get; init; }
    public required IReadOnlyDictionary<string, string> Fields { get; init; }
    public required IReadOnlyDictionary<string, string> AuditActions { get; init; }
}
