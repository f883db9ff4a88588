namespace PulsePipeline.Models.Instrument;

/// <summary>
/// The integrity pulse, version 1: pressure to act without integrity, speak-up safety, and norms as context.
/// Items p5 and p6 name the source of pressure (direct manager, senior leadership) so that interventions can be
/// aimed; s2 and s5 are worded negatively and reverse-coded.
/// </summary>
internal static class IntegrityPulseV1
{
    public static SurveyInstrument Instrument { get; } = new(
        "integrity-pulse-v1",
        [
            new("p1", Construct.Pressure, false, new(
                "De afgelopen zes maanden ben ik onder druk gezet om regels te buigen of te overtreden.",
                "In the past six months I have been pressured to bend or break rules.")),
            new("p2", Construct.Pressure, false, new(
                "De afgelopen zes maanden ben ik onder druk gezet om informatie achter te houden.",
                "In the past six months I have been pressured to withhold information.")),
            new("p3", Construct.Pressure, false, new(
                "De afgelopen zes maanden ben ik onder druk gezet om een rapport, advies of cijfers aan te passen.",
                "In the past six months I have been pressured to adjust a report, advice or figures.")),
            new("p4", Construct.Pressure, false, new(
                "De afgelopen zes maanden ben ik onder druk gezet om iemand voor te trekken.",
                "In the past six months I have been pressured to give someone preferential treatment.")),
            new("p5", Construct.Pressure, false, new(
                "Mijn directe leidinggevende zet mij onder druk om tegen mijn professionele oordeel in te handelen.",
                "My direct manager pressures me to act against my professional judgement.")),
            new("p6", Construct.Pressure, false, new(
                "De top van mijn organisatie zet medewerkers onder druk om tegen hun professionele oordeel in te handelen.",
                "Senior leadership pressures staff to act against their professional judgement.")),
            new("s1", Construct.SpeakUp, false, new(
                "Ik zou me vrij voelen om een integriteitskwestie te melden.",
                "I would feel free to report an integrity concern.")),
            new("s2", Construct.SpeakUp, true, new(
                "Mijn leidinggevende verdraagt weinig tegenspraak.",
                "My manager tolerates little contradiction.")),
            new("s3", Construct.SpeakUp, false, new(
                "In mijn team wordt het aangemoedigd om integriteitskwesties aan te kaarten.",
                "In my team, raising integrity issues is encouraged.")),
            new("s4", Construct.SpeakUp, false, new(
                "Ik weet waar ik een vermoeden van een integriteitsschending kan melden.",
                "I know where to report a suspected integrity violation.")),
            new("s5", Construct.SpeakUp, true, new(
                "Ik houd me in met het melden van integriteitskwesties uit angst voor de gevolgen.",
                "I hold back from reporting integrity issues for fear of the consequences.")),
            new("n1", Construct.Norms, false, new(
                "Mijn organisatie heeft duidelijke waarden en normen.",
                "My organisation has clear values and norms.")),
            new("n2", Construct.Norms, false, new(
                "Integriteit krijgt in mijn team regelmatig aandacht.",
                "Integrity gets regular attention in my team.")),
        ],
        [
            new("Helemaal oneens", "Strongly disagree"),
            new("Oneens", "Disagree"),
            new("Neutraal", "Neither agree nor disagree"),
            new("Eens", "Agree"),
            new("Helemaal eens", "Strongly agree"),
        ]);
}
