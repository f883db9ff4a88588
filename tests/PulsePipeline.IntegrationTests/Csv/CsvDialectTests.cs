using System.Text;
using System.Text.RegularExpressions;
using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.Models.Detection;
using PulsePipeline.Pipeline.Detection;
using PulsePipeline.Pipeline.Roster;

namespace PulsePipeline.IntegrationTests.Csv;

/// <summary>
/// Every CSV input of `pulse`, as offices save it, through the real CLI: Excel with Dutch settings ("CSV UTF-8":
/// a byte-order mark, ';', CRLF and decimal commas), tab-separated text, a byte-order mark on a comma file — each
/// must give exactly what the plain comma file gives — and Excel's plain "CSV" (Windows-1252) and "Unicode text"
/// (UTF-16), which must be refused with exit 2 and a message that names the file and line and says how to save the
/// file as UTF-8. A new CSV input is covered by adding one line to <see cref="Inputs"/>.
/// </summary>
public sealed partial class CsvDialectTests : IDisposable
{
    private const string RosterUnits = "unit,parent,name\nBZK,,Ministerie van BZK\nBZK/Financiën,BZK,Directie Financiën\nBZK/Team Ä.1,BZK,Team Ä.1\n";
    private const string RosterEmployees = "employee_id,email,language,unit\nmw. Çelik,celik@x.example,nl,BZK/Financiën\nE#2?,e2@x.example,en,BZK/Team Ä.1\n100%,e3@x.example,nl,BZK\n";
    private const string PublishUnits = "unit,parent\nBZK,\nBZK/Financiën,BZK\nBZK/Team Ä.1,BZK\n";
    private const string Tallies = "unit,n,pressure_sum,pressure_sumsq,speakup_sum,speakup_sumsq\nBZK/Financiën,6,13.5,30.75,21,73.5\nBZK/Team Ä.1,5,7.5,11.25,20.0,80.00\n";
    private const string History = "wave,unit,n,invited,pressure_mean,pressure_sd,speakup_mean,speakup_sd\n2027-01,BZK/Financiën,10,20,2.1,0.7,3.3,0.8\n2027-02,BZK/Financiën,11,20,2.25,0.65,3.1,0.75\n2027-02,BZK/Team Ä.1,,,,,,\n";

    /// <summary>The shipped model's zip, given with --model so that the option is read too.</summary>
    private static readonly string ShippedModel = Path.Combine(ShiftModelFiles.DefaultDirectory, ShiftModelSchema.ModelFileName);

    /// <summary>Each CSV input: its file, a valid example, and the command that reads it (the other files valid).</summary>
    private static readonly CsvInput[] Inputs =
    [
        new("roster units.csv", "units.csv", RosterUnits, f => ["roster", "import", "--units", f.Input, "--employees", f.Write("employees.csv", RosterEmployees)], StoredRosterAsync),
        new("roster employees.csv", "employees.csv", RosterEmployees, f => ["roster", "import", "--units", f.Write("units.csv", RosterUnits), "--employees", f.Input], StoredRosterAsync),
        new("publish units.csv", "units.csv", PublishUnits, f => ["publish", "--units", f.Input, "--tallies", f.Write("tallies.csv", Tallies), "--out", f.Output], OutputAsync),
        new("publish tallies.csv", "tallies.csv", Tallies, f => ["publish", "--units", f.Write("units.csv", PublishUnits), "--tallies", f.Input, "--out", f.Output], OutputAsync),
        new("detect history", "history.csv", History, f => ["detect", "--history", f.Input, "--out", f.Output, "--model", ShippedModel], OutputAsync),
    ];

    private static readonly Dialect[] Readable =
    [
        new("Excel (Dutch) CSV UTF-8: BOM, ';', CRLF, decimal commas", text => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(ToDutch(text).Replace("\n", "\r\n", StringComparison.Ordinal))]),
        new("tab-separated", text => Encoding.UTF8.GetBytes(text.Replace(',', '\t'))),
        new("BOM on a comma file", text => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]),
    ];

    private static readonly Dialect[] NotUtf8 =
    [
        new("Excel (Dutch) plain CSV: Windows-1252", text => Encoding.Latin1.GetBytes(ToDutch(text))),
        new("Excel Unicode text: UTF-16", text => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text.Replace(',', '\t'))]),
    ];

    private readonly string directory = Directory.CreateTempSubdirectory("pulse-dialects-").FullName;

    public static TheoryData<string> InputNames => [.. Inputs.Select(i => i.Name)];

    [Theory]
    [MemberData(nameof(InputNames))]
    public async Task EveryCsvInput_ReadsSemicolonTabAndBomFilesAsTheCommaFile_AndRefusesOtherEncodingsSayingHowToSaveAsUtf8(string name)
    {
        var input = Inputs.Single(i => i.Name == name);
        await using var pipeline = await TestPipeline.CreateAsync();

        var (code, output, reference) = await RunAsync(pipeline, input, "comma", Encoding.UTF8.GetBytes(input.Example));
        Assert.True(code == 0, $"{name}, comma: exit {code}\n{output}");

        foreach (var dialect in Readable)
        {
            var (dialectCode, dialectOutput, result) = await RunAsync(pipeline, input, dialect.Name, dialect.Save(input.Example));
            Assert.True(dialectCode == 0, $"{name}, {dialect.Name}: exit {dialectCode}\n{dialectOutput}");
            Assert.True(reference == result, $"{name}, {dialect.Name}: read differently from the comma file\n{result}\n--- comma file:\n{reference}");
        }

        foreach (var dialect in NotUtf8)
        {
            var (dialectCode, dialectOutput, _) = await RunAsync(pipeline, input, dialect.Name, dialect.Save(input.Example));
            Assert.True(dialectCode == 2, $"{name}, {dialect.Name}: exit {dialectCode}\n{dialectOutput}");
            Assert.Matches($@"{Regex.Escape(input.File)}:\d+: the file is not valid UTF-8 text", dialectOutput);
            Assert.Contains("CSV UTF-8 (comma delimited)", dialectOutput, StringComparison.Ordinal);
        }
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    /// <summary>As Excel with Dutch settings writes numbers and separators: "2.25" becomes "2,25", ',' becomes ';'.</summary>
    private static string ToDutch(string text) => DecimalPoint().Replace(text.Replace(',', ';'), ",");

    private async Task<(int Code, string Output, string Result)> RunAsync(TestPipeline pipeline, CsvInput input, string dialect, byte[] content)
    {
        var files = new InputFiles(Path.Combine(directory, Guid.NewGuid().ToString("N")), input.File);
        await File.WriteAllBytesAsync(files.Input, content);
        await using var pulse = PulseProcess.Start(input.Command(files), pipeline.Settings.Overrides);
        var code = await pulse.WaitForExitAsync(TimeSpan.FromMinutes(2));
        var output = $"[{dialect}]\n" + string.Join('\n', pulse.Lines);
        return (code, output, code == 0 ? await input.Result(pipeline, files) : "");
    }

    private static async Task<string> StoredRosterAsync(TestPipeline pipeline, InputFiles files)
    {
        var store = pipeline.Get<RosterStore>();
        var version = (await store.CurrentAsync(CancellationToken.None))!.Version;
        var units = (await store.UnitsAsync(version, CancellationToken.None)).Select(u => $"{u.Id}|{u.Parent}|{u.Name}");
        var employees = (await store.EmployeesAsync(version, CancellationToken.None).ToListAsync()).Select(e => $"{e.Id}|{e.Email}|{e.Language}|{e.Unit}");
        return string.Join('\n', units.Concat(employees).Order(StringComparer.Ordinal));
    }

    private static Task<string> OutputAsync(TestPipeline pipeline, InputFiles files) => File.ReadAllTextAsync(files.Output);

    [GeneratedRegex(@"(?<=\d)\.(?=\d)")]
    private static partial Regex DecimalPoint();

    private sealed record CsvInput(string Name, string File, string Example, Func<InputFiles, string[]> Command, Func<TestPipeline, InputFiles, Task<string>> Result);

    private sealed record Dialect(string Name, Func<string, byte[]> Save);

    /// <summary>One run's files: the input under test, valid companions, and the output, in a directory of their own.</summary>
    private sealed class InputFiles
    {
        private readonly string directory;

        public InputFiles(string directory, string input)
        {
            this.directory = directory;
            Directory.CreateDirectory(directory);
            Input = Path.Combine(directory, input);
        }

        public string Input { get; }

        public string Output => Path.Combine(directory, "out.csv");

        public string Write(string name, string text)
        {
            var path = Path.Combine(directory, name);
            File.WriteAllText(path, text);
            return path;
        }
    }
}
