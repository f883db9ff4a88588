using System.Text;
using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.Models.Csv;
using PulsePipeline.Pipeline.Roster;

namespace PulsePipeline.IntegrationTests.Hostile;

/// <summary>
/// Crafted CSV through the real `pulse` CLI (a child process, so exit codes and messages are what a user sees):
/// wrong encodings, huge fields, formulas, control characters, missing and extra columns. Each is refused with a
/// message naming the file and line, exit code 2, and nothing written: the stored roster keeps its version, an
/// existing output file keeps its content, a missing one is not created. Formulas that are legitimate text (a unit
/// name, an HR id) are accepted and leave every CSV written later neutralised.
/// </summary>
public sealed class HostileCsvTests : IDisposable
{
    private const string Units = "unit,parent,name\nmin,,Ministerie\na,min,Afdeling A\nb,min,Afdeling B\n";
    private const string Employees = "employee_id,email,language,unit\ne1,e1@x.example,nl,a\ne2,e2@x.example,en,b\ne3,e3@x.example,nl,min\n";
    private const string History = "wave,unit,n,invited,pressure_mean,pressure_sd,speakup_mean,speakup_sd\n2027-01,a,10,20,2.1,0.7,3.3,0.8\n";

    private static readonly Encoding Utf16 = new UnicodeEncoding(bigEndian: false, byteOrderMark: true);

    private readonly string directory = Directory.CreateTempSubdirectory("pulse-hostile-").FullName;

    public static TheoryData<string, string?, string?, string> HostileRosters => new()
    {
        { "UTF-16 units file", "utf16:" + Units, null, "units.csv:1: the file is not valid UTF-8 text" },
        { "Latin-1 name", "latin1:" + Units.Replace("Afdeling B", "Financiën", StringComparison.Ordinal), null, "the file is not valid UTF-8 text" },
        { "huge name", Units + "c,min," + new string('x', 2_000_000) + "\n", null, "units.csv:5: field 3 is longer than 1024 characters" },
        { "control character in a unit id", Units + "\"c\u0001d\",min,Evil\n", null, "units.csv:5: unit 'c?d' contains a control character (U+0001) at position 2" },
        { "line break in an employee id", null, Employees + "\"e\n4\",e4@x.example,nl,a\n", "employees.csv:5: employee_id 'e?4' contains a control character (U+000A) at position 2" },
        { "NUL in an employee id", null, Employees + "e\u00004,e4@x.example,nl,a\n", "employees.csv:5: a NUL character in a field" },
        { "employee id over 128 characters", null, Employees + new string('e', 129) + ",e4@x.example,nl,a\n", "employees.csv:5: employee_id '" + new string('e', 40) + "…' is longer than 128 characters (129)" },
        { "header injection in an email", null, Employees + "e4,\"e4@x.example\r\nBcc: all@x.example\",nl,a\n", "employees.csv:5: malformed email address" },
        { "NUL in a name", Units + "c,min,Af\0deling\n", null, "units.csv:5: a NUL character in a field" },
        { "missing column", null, "employee_id,email,unit\ne1,e1@x.example,a\n", "employees.csv:1: missing column(s): language" },
        { "extra column", "unit,parent,name,manager\nmin,,Ministerie,boss\n", null, "units.csv:1: unexpected column(s): 'manager'" },
        { "extra field in a row", null, Employees + "e4,e4@x.example,nl,a,extra\n", "employees.csv:5: expected 4 fields" },
        { "empty file", "", null, "units.csv: the file is empty" },
    };

    [Theory]
    [MemberData(nameof(HostileRosters))]
    public async Task RosterImport_RefusesCraftedFiles_WithExit2_AndLeavesTheStoredRosterAsItWas(string what, string? units, string? employees, string message)
    {
        await using var pipeline = await TestPipeline.CreateAsync();
        Assert.Equal(0, (await PulseAsync(pipeline, "roster", "import", "--units", Write("ok-units.csv", Units), "--employees", Write("ok-employees.csv", Employees))).Code);
        var before = await pipeline.Get<RosterStore>().CurrentAsync(CancellationToken.None);

        var (code, output) = await PulseAsync(pipeline, "roster", "import", "--units", Write("units.csv", units ?? Units), "--employees", Write("employees.csv", employees ?? Employees));

        Assert.True(code == 2, $"{what}: exit {code}\n{output}");
        Assert.Contains(message, output, StringComparison.Ordinal);
        Assert.Contains("The stored roster is unchanged.", output, StringComparison.Ordinal);
        Assert.Equal(before!.Version, (await pipeline.Get<RosterStore>().CurrentAsync(CancellationToken.None))!.Version);
    }

    [Fact]
    public async Task AFormulaInAUnitName_IsImportedAsText_AndNeutralisedWhereverItIsWrittenToCsv()
    {
        await using var pipeline = await TestPipeline.CreateAsync();
        const string Formula = "=cmd|' /C calc'!A0";
        var (code, output) = await PulseAsync(pipeline, "roster", "import", "--units", Write("units.csv", Units + $"c,min,\"{Formula}\"\n"), "--employees", Write("employees.csv", Employees));

        Assert.True(code == 0, output);
        var stored = await pipeline.Get<RosterStore>().UnitsAsync((await pipeline.Get<RosterStore>().CurrentAsync(CancellationToken.None))!.Version, CancellationToken.None);
        Assert.Equal(Formula, stored.Single(u => u.Id == "c").Name);
        Assert.Equal("'" + Formula, CsvWriter.Text(Formula)); // the demo's roster export writes names through this
    }

    [Fact]
    public async Task PublishAndDetect_RefuseCraftedFiles_WithExit2_AndWriteNothing()
    {
        await using var pipeline = await TestPipeline.CreateAsync();
        var tallies = "unit,n,pressure_sum,pressure_sumsq,speakup_sum,speakup_sumsq\na,6,12,26,24,100\n";
        var existing = Write("published.csv", "previous publication\n");
        (string What, string[] Arguments, string Message, string Output)[] cases =
        [
            ("UTF-16 units", ["publish", "--units", Write("u1.csv", "utf16:" + Units), "--tallies", Write("t1.csv", tallies), "--out", existing], "the file is not valid UTF-8 text", existing),
            ("huge tally field", ["publish", "--units", Write("u2.csv", Units), "--tallies", Write("t2.csv", tallies + "b," + new string('9', 100_000) + ",1,1,1,1\n"), "--out", existing], "field 2 is longer than 1024 characters", existing),
            ("missing tally column", ["publish", "--units", Write("u3.csv", Units), "--tallies", Write("t3.csv", "unit,n\na,6\n"), "--out", existing], "missing column(s): pressure_sum", existing),
            ("formula in a number", ["publish", "--units", Write("u4.csv", Units), "--tallies", Write("t4.csv", tallies + "b,=1+1,1,1,1,1\n"), "--out", existing], "n must be a whole number of respondents, found '=1+1'", existing),
            ("Latin-1 history", ["detect", "--history", Write("h1.csv", "latin1:" + History.Replace("2027-01,a", "2027-01,é", StringComparison.Ordinal)), "--out", Path.Combine(directory, "f1.csv")], "the file is not valid UTF-8 text", Path.Combine(directory, "f1.csv")),
            ("control character in a history unit", ["detect", "--history", Write("h2.csv", History + "2027-01,\"x\u0007y\",10,20,2.1,0.7,3.3,0.8\n"), "--out", Path.Combine(directory, "f2.csv")], "h2.csv:3: unit 'x?y' contains a control character (U+0007) at position 2", Path.Combine(directory, "f2.csv")),
            ("extra history column", ["detect", "--history", Write("h3.csv", History.Replace("speakup_sd\n", "speakup_sd,comment\n", StringComparison.Ordinal).Replace("0.8\n", "0.8,hi\n", StringComparison.Ordinal)), "--out", Path.Combine(directory, "f3.csv")], "unexpected column(s): 'comment'", Path.Combine(directory, "f3.csv")),
        ];

        var results = await Task.WhenAll(cases.Select(c => PulseAsync(pipeline, c.Arguments)));

        foreach (var (c, (code, output)) in cases.Zip(results))
        {
            Assert.True(code == 2, $"{c.What}: exit {code}\n{output}");
            Assert.Contains(c.Message, output, StringComparison.Ordinal);
            if (c.Output == existing)
            {
                Assert.Equal("previous publication\n", await File.ReadAllTextAsync(existing));
            }
            else
            {
                Assert.False(File.Exists(c.Output), $"{c.What}: {c.Output} was written");
            }
        }

        Assert.Empty(Directory.GetFiles(directory, "*.tmp"));
        Assert.Empty(Directory.GetFiles(directory, ".*"));
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static async Task<(int Code, string Output)> PulseAsync(TestPipeline pipeline, params string[] arguments)
    {
        await using var pulse = PulseProcess.Start(arguments, pipeline.Settings.Overrides);
        var code = await pulse.WaitForExitAsync(TimeSpan.FromMinutes(2));
        return (code, string.Join('\n', pulse.Lines));
    }

    /// <summary>Writes a file: UTF-8 without BOM, or with "utf16:"/"latin1:" in front of the text, in that encoding.</summary>
    private string Write(string name, string text)
    {
        var path = Path.Combine(directory, name);
        var (encoding, content) = text switch
        {
            _ when text.StartsWith("utf16:", StringComparison.Ordinal) => (Utf16, text[6..]),
            _ when text.StartsWith("latin1:", StringComparison.Ordinal) => (Encoding.Latin1, text[7..]),
            _ => (new UTF8Encoding(false), text),
        };
        File.WriteAllBytes(path, [.. encoding.GetPreamble(), .. encoding.GetBytes(content)]);
        return path;
    }
}
