using PulsePipeline.Models.Csv;
using PulsePipeline.Models.Identifiers;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Roster;

namespace PulsePipeline.IntegrationTests.Identifiers;

/// <summary>
/// A small organisation whose unit and employee ids are written as HR systems write them: org paths with '/',
/// spaces, dots and accents, the characters Table Storage forbids in keys ('/', '\', '#', '?'), the '%' of the key
/// encoding itself, '|' (the separator inside composite keys), a formula, an id shaped like a reserved row key, and
/// an id of exactly 128 characters. Every leaf unit has the same number of employees, with ids of the same kind.
/// </summary>
internal sealed class HrOrganisation
{
    public const string Root = "BZK";
    public const string Dg = "BZK/DGOO";
    public const string Directorate = "BZK/DGOO/Directie Arbeidszaken";
    public const string Team = "BZK/DGOO/Directie Arbeidszaken/Team Ä.1";
    public const int EmployeesPerLeaf = 24;

    public HrOrganisation(string emailDomain)
    {
        Units =
        [
            new(Root, null, "Ministerie van BZK"),
            new(Dg, Root, "DG Overheidsorganisatie"),
            new(Directorate, Dg, "Directie Arbeidszaken"),
            new(Team, Directorate, "Team Ä.1"),
            new("BZK/100% #1? \\share", Root, "Team 100%"),
            new("=cmd|' /C calc'!A0", Root, "Formule"),
            new("%organisation", Root, "Organisatie-eenheid"),
            new("BZK/Ä" + new string('x', Identifier.MaxLength - 5), Root, "Lange naam"),
        ];
        Leaves = [.. Units.Skip(3).Select(u => u.Id)];
        Employees =
        [
            .. Leaves.SelectMany((leaf, l) => Enumerable.Range(1, EmployeesPerLeaf).Select(i =>
                new RosterEmployee(i == 1 ? $"HR/{l}/{new string('é', Identifier.MaxLength - 5)}" : $"HR/{l}/mw. {i} #{i}? 100%|\\ é", $"e{l}-{i}@{emailDomain}", i % 3 == 0 ? Language.En : Language.Nl, leaf))),
        ];
    }

    public IReadOnlyList<RosterUnit> Units { get; }

    public IReadOnlyList<string> Leaves { get; }

    public IReadOnlyList<RosterEmployee> Employees { get; }

    public IEnumerable<string> UnitIds => Units.Select(u => u.Id);

    /// <summary>The path of names the digest shows for the team.</summary>
    public static string TeamPath => "Ministerie van BZK › DG Overheidsorganisatie › Directie Arbeidszaken › Team Ä.1";

    public string UnitsCsv() => Csv(RosterReader.UnitColumns, Units.Select(u => new[] { u.Id, u.Parent ?? "", u.Name }));

    public string EmployeesCsv() => Csv(RosterReader.EmployeeColumns, Employees.Select(e => new[] { e.Id, e.Email, e.Language.Code(), e.Unit }));

    /// <summary>CSV as a tool that knows nothing of formula neutralisation writes it: ids exactly as they are.</summary>
    public static string Csv(IReadOnlyList<string> header, IEnumerable<string[]> rows)
    {
        var text = new StringWriter();
        var csv = new CsvWriter(text);
        csv.WriteRow(header);
        foreach (var row in rows)
        {
            csv.WriteRow(row);
        }

        return text.ToString();
    }
}
