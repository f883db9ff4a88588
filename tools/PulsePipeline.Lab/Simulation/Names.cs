namespace PulsePipeline.Lab.Simulation;

/// <summary>Plausible Dutch unit names for the simulated organisation.</summary>
internal static class Names
{
    private static readonly string[] Topics =
    [
        "Beleid", "Uitvoering", "Toezicht", "Financiën", "Personeel", "Communicatie", "Juridische Zaken", "Informatievoorziening",
        "Inkoop", "Strategie", "Internationale Zaken", "Wetgeving", "Bedrijfsvoering", "Data en Analyse", "Huisvesting", "Veiligheid",
        "Subsidies", "Handhaving", "Innovatie", "Klantcontact",
    ];

    public static string General(int i) => $"{(char)('A' + (i % 26))}{(i >= 26 ? (i / 26).ToString(System.Globalization.CultureInfo.InvariantCulture) : "")}";

    public static string Directorate(int i) => Numbered(i);

    public static string Department(int i) => Numbered(i + 7);

    private static string Numbered(int i) => i < Topics.Length ? Topics[i] : $"{Topics[i % Topics.Length]} {(i / Topics.Length) + 1}";
}
