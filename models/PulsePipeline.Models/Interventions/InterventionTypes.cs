namespace PulsePipeline.Models.Interventions;

/// <summary>
/// The catalogue of interventions IPIM records, the one place they are defined. Ids are stable: they appear in
/// interventions.csv, effects.csv and storage, so a type is never renamed, only added.
/// </summary>
public static class InterventionTypes
{
    public const string MoralDeliberation = "moral-deliberation";
    public const string DilemmaTraining = "dilemma-training";
    public const string GoodConversation = "good-conversation";
    public const string LeadershipCoaching = "leadership-coaching";
    public const string ReportingRoutes = "reporting-routes";
    public const string Other = "other";

    public static IReadOnlyList<InterventionType> All { get; } =
    [
        new(
            MoralDeliberation,
            "Moreel beraad",
            "Moral deliberation",
            "Een team bespreekt onder begeleiding een concreet integriteitsdilemma uit het eigen werk, om samen te leren wegen wat juist is wanneer druk en regels botsen.",
            "A team discusses a concrete integrity dilemma from its own work with a facilitator, to learn together how to weigh what is right when pressure and rules collide."),
        new(
            DilemmaTraining,
            "Dilemmatraining",
            "Dilemma training",
            "Medewerkers oefenen met herkenbare dilemma's (informatie achterhouden, rapportages bijstellen) en met het bespreekbaar maken ervan.",
            "Staff practise recognisable dilemmas (withholding information, adjusting reports) and how to raise them."),
        new(
            GoodConversation,
            "Het goede gesprek",
            "The good conversation",
            "Toolkit voor leidinggevenden en medewerkers om integriteit en tegenspraak in het gewone werkoverleg en het functioneringsgesprek te bespreken.",
            "A toolkit for managers and staff to discuss integrity and contradiction in regular team meetings and performance conversations."),
        new(
            LeadershipCoaching,
            "Leiderschapscoaching",
            "Leadership coaching",
            "Coaching van leidinggevenden op voorbeeldgedrag, op het verwelkomen van tegenspraak en op doelen en deadlines die niet uitnodigen tot het afsnijden van bochten.",
            "Coaching of managers on role-model behaviour, on welcoming contradiction, and on targets and deadlines that do not invite cutting corners."),
        new(
            ReportingRoutes,
            "Meldroutes bekend maken",
            "Making the reporting routes known",
            "De vertrouwenspersoon integriteit en de onafhankelijke meldroute (Huis voor Klokkenluiders) zichtbaar en bekend maken in de eenheid.",
            "Making the confidential integrity adviser and the independent reporting route (Whistleblowers Authority) visible and known in the unit."),
        new(
            Other,
            "Anders",
            "Other",
            "Een andere interventie; beschrijf haar in de notities (zonder personen te noemen).",
            "Another intervention; describe it in the notes (without naming people)."),
    ];

    public static bool IsKnown(string? id) => id is not null && All.Any(t => t.Id == id);

    /// <exception cref="KeyNotFoundException">The id is not in the catalogue.</exception>
    public static InterventionType Get(string id) =>
        All.FirstOrDefault(t => t.Id == id) ?? throw new KeyNotFoundException($"unknown intervention type '{id}'");

    /// <summary>The ids, for error messages: "use one of …".</summary>
    public static string IdList => string.Join(", ", All.Select(t => t.Id));
}
