using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Pipeline.Survey;

/// <summary>
/// Every sentence the survey pages show, in Dutch and English. Texts with {0} are formats. The privacy
/// statements must stay true to DESIGN.md: identity-free answers, totals per unit only where at least k
/// answered, nothing before the wave closes, one use per link, no free text.
/// </summary>
internal sealed record SurveyTexts
{
    public static SurveyTexts For(Language language) => language == Language.Nl ? Nl : En;

    public required string Brand { get; init; }

    public required string OtherLanguageName { get; init; }

    public required string FormTitle { get; init; }

    public required string FormHeading { get; init; }

    public required string Intro { get; init; }

    public required string PrivacyHeading { get; init; }

    public required string[] Privacy { get; init; }

    public required string QuestionsHeading { get; init; }

    public required string QuestionsHint { get; init; }

    public required string Submit { get; init; }

    public required string ErrorPrefix { get; init; }

    public required string ErrorSummaryHeading { get; init; }

    public required string ErrorMissing { get; init; }

    public required string ErrorInvalid { get; init; }

    public required string ErrorUnexpectedFields { get; init; }

    public required string ThanksTitle { get; init; }

    public required string ThanksText { get; init; }

    public required string HelpHeading { get; init; }

    public required string HelpAdviser { get; init; }

    public required string HelpAdviserLink { get; init; }

    public required string HelpChannel { get; init; }

    public required string HelpChannelLink { get; init; }

    public required string BackToForm { get; init; }

    public required IReadOnlyDictionary<SurveyProblem, (string Title, string[] Text)> Problems { get; init; }

    private static readonly SurveyTexts Nl = new()
    {
        Brand = "Integriteitspuls",
        OtherLanguageName = "English",
        FormTitle = "Vragenlijst – Integriteitspuls",
        FormHeading = "Integriteitspuls: hoe staat het met integriteit in uw werk?",
        Intro = "Deze korte vragenlijst duurt ongeveer een minuut. Alle {0} vragen zijn verplicht.",
        PrivacyHeading = "Wie ziet wat?",
        Privacy =
        [
            "Uw antwoorden worden bewaard zonder uw naam, personeelsnummer of e-mailadres.",
            "Er worden alleen totalen per organisatieonderdeel gepubliceerd, alleen waar ten minste {0} collega’s hebben geantwoord, en pas nadat de peiling is gesloten.",
            "Niemand ziet uw afzonderlijke antwoorden, ook uw leidinggevende niet.",
            "Deze link is persoonlijk en werkt één keer: na het versturen kunt u uw antwoorden niet meer wijzigen.",
            "Er zijn geen open vragen. Na het versturen ziet u waar u terechtkunt als u iets wilt bespreken of melden.",
        ],
        QuestionsHeading = "Vragen",
        QuestionsHint = "Geef bij elke stelling aan in hoeverre u het ermee eens bent.",
        Submit = "Antwoorden versturen",
        ErrorPrefix = "Fout: ",
        ErrorSummaryHeading = "Er is een probleem",
        ErrorMissing = "Kies een antwoord bij vraag {0}.",
        ErrorInvalid = "Kies bij vraag {0} één van de vijf antwoorden.",
        ErrorUnexpectedFields = "Het formulier bevatte gegevens die we niet verwachtten. Er is niets opgeslagen: beantwoord de vragen en verstuur ze opnieuw.",
        ThanksTitle = "Bedankt voor uw antwoorden",
        ThanksText = "Uw antwoorden zijn ontvangen. Ze tellen alleen mee in de totalen van uw organisatieonderdeel. U kunt dit venster nu sluiten.",
        HelpHeading = "Wilt u iets bespreken of melden?",
        HelpAdviser = "Wilt u een situatie vertrouwelijk bespreken, neem dan contact op met een vertrouwenspersoon integriteit:",
        HelpAdviserLink = "vertrouwenspersoon integriteit",
        HelpChannel = "Wilt u een vermoeden van een misstand melden of onafhankelijk advies krijgen, dan kunt u terecht bij het onafhankelijke meldpunt:",
        HelpChannelLink = "Huis voor Klokkenluiders",
        BackToForm = "Terug naar de vragenlijst",
        Problems = new Dictionary<SurveyProblem, (string, string[])>
        {
            [SurveyProblem.UnknownLink] = ("Deze link werkt niet", ["De link is onvolledig, of hoort bij een peiling die al is afgesloten en verwerkt.", "Open de link opnieuw vanuit de uitnodiging in uw e-mail. Werkt hij dan nog niet, dan is de peiling voorbij; u krijgt een nieuwe uitnodiging bij de volgende peiling."]),
            [SurveyProblem.WaveClosed] = ("Deze peiling is gesloten", ["De periode om te antwoorden is voorbij. Er worden geen antwoorden meer aangenomen en er is niets opgeslagen.", "U krijgt een nieuwe uitnodiging bij de volgende peiling."]),
            [SurveyProblem.AlreadyAnswered] = ("U heeft deze vragenlijst al ingevuld", ["Met deze link zijn al antwoorden verstuurd. Elke link werkt één keer, zodat ieders antwoorden één keer meetellen. Uw eerdere antwoorden blijven staan; er is niets nieuws opgeslagen."]),
            [SurveyProblem.TooLarge] = ("Het formulier was te groot", ["Er is meer verstuurd dan de vragenlijst kan bevatten, dus er is niets opgeslagen.", "Open de vragenlijst opnieuw en verstuur uw antwoorden nog eens."]),
            [SurveyProblem.UnsupportedContent] = ("Het formulier kon niet worden gelezen", ["De antwoorden kwamen niet aan als een gewoon webformulier, dus er is niets opgeslagen.", "Open de vragenlijst opnieuw en verstuur uw antwoorden nog eens."]),
            [SurveyProblem.MethodNotAllowed] = ("Dit kan hier niet", ["Deze pagina kan alleen de vragenlijst tonen en uw antwoorden ontvangen."]),
            [SurveyProblem.UnknownHost] = ("Onbekend adres", ["Deze pagina werd opgevraagd onder een adres dat niet bij de peiling hoort, dus er is niets getoond of opgeslagen.", "Open de link uit de uitnodiging in uw e-mail."]),
            [SurveyProblem.Unavailable] = ("Het lukt nu even niet", ["Door een storing kunnen we de vragenlijst nu niet tonen of uw antwoorden niet verwerken. Er is niets opgeslagen.", "Probeer het over een paar minuten opnieuw met dezelfde link; die blijft werken tot de peiling sluit."]),
        },
    };

    private static readonly SurveyTexts En = new()
    {
        Brand = "Integrity pulse",
        OtherLanguageName = "Nederlands",
        FormTitle = "Questionnaire – Integrity pulse",
        FormHeading = "Integrity pulse: how is integrity in your work?",
        Intro = "This short questionnaire takes about a minute. All {0} questions are required.",
        PrivacyHeading = "Who sees what?",
        Privacy =
        [
            "Your answers are stored without your name, staff number or email address.",
            "Only totals per organisational unit are published, only where at least {0} colleagues answered, and only after the survey has closed.",
            "Nobody sees your individual answers, including your manager.",
            "This link is personal and works once: after you submit, you cannot change your answers.",
            "There are no open questions. After you submit, you will see where to go if you want to discuss or report something.",
        ],
        QuestionsHeading = "Questions",
        QuestionsHint = "For each statement, say how much you agree with it.",
        Submit = "Submit answers",
        ErrorPrefix = "Error: ",
        ErrorSummaryHeading = "There is a problem",
        ErrorMissing = "Choose an answer for question {0}.",
        ErrorInvalid = "Choose one of the five answers for question {0}.",
        ErrorUnexpectedFields = "The form contained data we did not expect. Nothing was saved: answer the questions and submit them again.",
        ThanksTitle = "Thank you for your answers",
        ThanksText = "Your answers have been received. They only count towards the totals of your organisational unit. You can close this window now.",
        HelpHeading = "Do you want to discuss or report something?",
        HelpAdviser = "If you want to discuss a situation in confidence, contact a confidential adviser (vertrouwenspersoon):",
        HelpAdviserLink = "confidential adviser on integrity",
        HelpChannel = "If you want to report a suspected wrongdoing or get independent advice, you can go to the independent reporting channel:",
        HelpChannelLink = "Dutch Whistleblowers Authority (Huis voor Klokkenluiders)",
        BackToForm = "Back to the questionnaire",
        Problems = new Dictionary<SurveyProblem, (string, string[])>
        {
            [SurveyProblem.UnknownLink] = ("This link does not work", ["The link is incomplete, or belongs to a survey that has already closed and been processed.", "Open the link again from the invitation in your email. If it still does not work, the survey is over; you will get a new invitation for the next one."]),
            [SurveyProblem.WaveClosed] = ("This survey has closed", ["The time to answer is over. No more answers are accepted and nothing was saved.", "You will get a new invitation for the next survey."]),
            [SurveyProblem.AlreadyAnswered] = ("You have already answered this questionnaire", ["Answers have already been submitted with this link. Each link works once, so that everyone's answers count once. Your earlier answers stand; nothing new was saved."]),
            [SurveyProblem.TooLarge] = ("The form was too large", ["More was sent than the questionnaire can hold, so nothing was saved.", "Open the questionnaire again and submit your answers once more."]),
            [SurveyProblem.UnsupportedContent] = ("The form could not be read", ["The answers did not arrive as an ordinary web form, so nothing was saved.", "Open the questionnaire again and submit your answers once more."]),
            [SurveyProblem.MethodNotAllowed] = ("This is not possible here", ["This page can only show the questionnaire and receive your answers."]),
            [SurveyProblem.UnknownHost] = ("Unknown address", ["This page was requested under an address that does not belong to the survey, so nothing was shown or saved.", "Open the link from the invitation in your email."]),
            [SurveyProblem.Unavailable] = ("Something went wrong on our side", ["Because of a fault, we cannot show the questionnaire or process your answers right now. Nothing was saved.", "Please try again in a few minutes with the same link; it keeps working until the survey closes."]),
        },
    };
}
