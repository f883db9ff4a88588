using PulsePipeline.Models.Csv;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Roster;

namespace PulsePipeline.UnitTests.Roster;

public sealed class RosterReaderTests
{
    private const string Units = """
        unit,parent,name
        min,,Ministerie
        dg1,min,Directoraat-generaal A
        afd1,dg1,Afdeling Beleid
        """;

    private const string Employees = """
        employee_id,email,language,unit
        e1,e1@example.nl,nl,afd1
        e2,e2@example.nl,en,dg1
        e3,e3@example.nl,nl,min
        """;

    [Fact]
    public void AValidRoster_IsRead()
    {
        var (roster, problems) = Read(Units, Employees);

        Assert.Empty(problems);
        Assert.NotNull(roster);
        Assert.Equal(3, roster.Units.Count);
        Assert.Equal("min", roster.Tree.Root);
        Assert.Equal(["min", "dg1", "afd1"], roster.Tree.PathTo("afd1"));
        Assert.Equal(Language.En, roster.Employees.Single(e => e.Id == "e2").Language);
    }

    public static TheoryData<string, string, string, int, string> Errors => new()
    {
        { "duplicate unit", Units + "\ndg1,min,Again", Employees, 5, "appears more than once" },
        { "unknown parent", Units + "\nafd2,nowhere,Lost", Employees, 5, "unknown parent" },
        { "several roots", Units + "\nother,,Second root", Employees, 5, "several root units" },
        { "cycle", Units + "\nx,y,X\ny,x,Y", Employees, 5, "cycle" },
        { "control character in a unit id", Units + "\n\"a\u0007b\",min,Bell", Employees, 5, "unit 'a?b' contains a control character (U+0007) at position 2" },
        { "unit id too long", Units + "\n" + new string('x', 129) + ",min,Long", Employees, 5, "is longer than 128 characters (129)" },
        { "empty employee id", Units, Employees + "\n,e9@example.nl,nl,afd1", 5, "employee_id is empty" },
        { "empty name", Units + "\nafd2,dg1,", Employees, 5, "name must be" },
        { "duplicate employee", Units, Employees + "\ne2,other@example.nl,nl,afd1", 5, "appears more than once (first on line 3)" },
        { "unknown unit", Units, Employees + "\ne4,e4@example.nl,nl,afd9", 5, "unknown unit" },
        { "malformed email", Units, Employees + "\ne4,not-an-email,nl,afd1", 5, "malformed email" },
        { "email with spaces", Units, Employees + "\ne4,e 4@example.nl,nl,afd1", 5, "malformed email" },
        { "unknown language", Units, Employees + "\ne4,e4@example.nl,de,afd1", 5, "unknown language" },
        { "missing column", Units, "employee_id,email,unit\ne1,e1@example.nl,afd1", 1, "missing column(s): language" },
        { "extra column", Units, "employee_id,email,language,unit,salary\ne1,e1@example.nl,nl,afd1,1", 1, "unexpected column(s)" },
        { "wrong field count", Units, Employees + "\ne4,e4@example.nl,nl", 5, "expected 4 fields" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void EachErrorKind_IsReported_WithItsLine(string kind, string units, string employees, int line, string message)
    {
        var (roster, problems) = Read(units, employees);

        Assert.Null(roster);
        Assert.Contains(problems, p => p.Line == line && p.Message.Contains(message, StringComparison.Ordinal));
        Assert.False(string.IsNullOrEmpty(kind));
    }

    [Fact]
    public void EveryProblem_IsReported_NotJustTheFirst()
    {
        var employees = Employees + "\ne4,bad,nl,afd1\ne5,e5@example.nl,xx,afd1\ne6,e6@example.nl,nl,nowhere";

        var (_, problems) = Read(Units, employees);

        Assert.Equal([5, 6, 7], problems.Select(p => p.Line).Order());
        Assert.All(problems, p => Assert.Equal("employees.csv", p.Source));
    }

    [Fact]
    public void AnEmptyFile_IsAProblem()
    {
        var (roster, problems) = Read("", Employees);

        Assert.Null(roster);
        Assert.Contains(problems, p => p.Source == "units.csv" && p.Message.Contains("empty", StringComparison.Ordinal));
    }

    private static (Models.Roster.Roster? Roster, IReadOnlyList<CsvProblem> Problems) Read(string units, string employees) =>
        RosterReader.Read(
            CsvReader.Read(new StringReader(units), "units.csv", RosterReader.UnitColumns),
            CsvReader.Read(new StringReader(employees), "employees.csv", RosterReader.EmployeeColumns));
}
