using PulsePipeline.Cli.Commands;
using PulsePipeline.Models.Detection;
using PulsePipeline.Models.Effects;
using static PulsePipeline.UnitTests.Effects.SyntheticPanel;

namespace PulsePipeline.UnitTests.Effects;

/// <summary>
/// The `pulse effects` CSV contract: every problem as file:line, exit 2 and nothing written on bad input; exactly the
/// contract's columns, pooled rows with unit * and an empty start wave; the registry export's extra columns accepted.
/// </summary>
public sealed class EffectsCommandTests : IDisposable
{
    private const string Header = "unit,intervention,start_wave";
    private readonly string directory = Directory.CreateTempSubdirectory("pulse-effects-").FullName;

    public EffectsCommandTests() => WriteHistory(Build(300, 12, 9));

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Theory]
    [InlineData("unit,intervention\nu001,other", "interventions.csv:1: missing column(s): start_wave")]
    [InlineData(Header + "\nu001, ,2027-09", "interventions.csv:2: intervention type is empty; a type is a catalogue id (moral-deliberation")]
    [InlineData(Header + "\n\"u001 \",other,2027-09", "interventions.csv:2: unit 'u001 ' starts or ends with a space")]
    [InlineData(Header + "\nu001,other,2027-09\nu002,other,sept 2027", "interventions.csv:3: start_wave 'sept 2027' must be a wave id")]
    [InlineData(Header + "\nu001,other,2027-09\nu001,other,2027-09", "interventions.csv:3: unit 'u001' other from 2027-09 appears more than once (first on line 2)")]
    [InlineData(Header + "\nu001,other,2027-09\nu002,other", "interventions.csv:3: expected 3 fields")]
    [InlineData("id," + Header + "\nx,u001,other,2027-09\nx,u002,other,2027-09", "interventions.csv:3: id 'x' appears more than once (first on line 2)")]
    public void BadInterventions_AreReportedWithFileAndLine_ExitWith2_AndWriteNothing(string content, string expected)
    {
        var (code, _, error) = Run(content);

        Assert.Equal(DetectCommand.BadInput, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(directory, "effects.csv")));
    }

    [Fact]
    public void EveryProblem_IsReportedInOnePass_AndABadAsOfToo()
    {
        var (code, _, error) = Run(string.Join('\n', Header, "u001,,2027-09", "u002,other,?", "zz,other,x y"), asOf: "not a wave");

        Assert.Equal(DetectCommand.BadInput, code);
        Assert.Contains("interventions.csv:2:", error, StringComparison.Ordinal);
        Assert.Contains("interventions.csv:3:", error, StringComparison.Ordinal);
        Assert.Contains("interventions.csv:4:", error, StringComparison.Ordinal);
        Assert.Contains("--as-of", error, StringComparison.Ordinal);
        Assert.Contains("4 problem(s)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void BadHistory_IsReportedWithItsLine_AndAnExistingOutputIsLeftAlone()
    {
        File.AppendAllText(Path.Combine(directory, "history.csv"), "2027-01,u001,10,20,9,0.7,3.3,0.8\n");
        File.WriteAllText(Path.Combine(directory, "effects.csv"), "previous\n");

        var (code, _, error) = Run(Header + "\nu001,other,2027-09");

        Assert.Equal(DetectCommand.BadInput, code);
        Assert.Contains("history.csv:", error, StringComparison.Ordinal);
        Assert.Equal("previous\n", File.ReadAllText(Path.Combine(directory, "effects.csv")));
    }

    [Fact]
    public void ValidInput_WritesExactlyTheContractColumns_WithPooledRows_AndPrintsInconclusiveReasons()
    {
        var (code, output, _) = Run(string.Join('\n', Header, "u001,other,2027-09", "u002,other,2027-10", "u003,dilemma-training,2027-02"));

        Assert.Equal(0, code);
        var lines = File.ReadAllLines(Path.Combine(directory, "effects.csv"));
        Assert.Equal(string.Join(',', EffectsCsv.EffectColumns), lines[0]);
        Assert.Equal(6, lines.Count(l => !l.StartsWith('*')) - 1);
        Assert.Contains(lines, l => l.StartsWith("*,other,,pressure,2,", StringComparison.Ordinal));
        Assert.Contains("u003,dilemma-training,2027-02,pressure,0,,,,inconclusive,", lines);
        Assert.All(lines.Skip(1), l => Assert.Equal(10, l.Split(',').Length));
        Assert.Contains("u003 dilemma-training from 2027-02, pressure: inconclusive: too few published waves of the unit before the start: 1 more would have been needed", output, StringComparison.Ordinal);
        Assert.Matches(@"  speakup: in units of this size \([^)]+\) a true improvement of 0\.15 points is labelled improved about \d+% of the time \(over [12] effects as of this wave\)", output);
    }

    [Fact]
    public void ATypeOutsideTheCatalogue_IsEstimatedAndPooledUnderItsOwnId_AndTheOutputSaysSo()
    {
        var yoga = Enumerable.Range(1, EffectPooling.MinUnits).Select(u => $"{Unit(u)},yoga,2027-09");
        var (code, output, error) = Run(string.Join('\n', new[] { Header, "u050,=cmd,2027-09", "u051,=cmd,2027-09" }.Concat(yoga)));

        Assert.True(code == 0, error);
        var lines = File.ReadAllLines(Path.Combine(directory, "effects.csv"));
        Assert.Contains(lines, l => l.StartsWith("u001,yoga,2027-09,pressure,4,", StringComparison.Ordinal) && !l.Contains(",inconclusive,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"*,yoga,,speakup,{EffectPooling.MinUnits},", StringComparison.Ordinal) && !l.Contains(",inconclusive,", StringComparison.Ordinal));
        Assert.Contains("type 'yoga' is outside the catalogue", output, StringComparison.Ordinal);
        // A type id a spreadsheet would run is neutralised like a unit id; two units say nothing about the type in general.
        Assert.Contains("*,'=cmd,,pressure,2,,,,inconclusive,", lines);
        Assert.Contains($"pooled =cmd, pressure: inconclusive: too few units of this type with a conclusive estimate to say anything about the type in general: {EffectPooling.MinUnits - 2} more are needed", output, StringComparison.Ordinal);
    }

    [Fact]
    public void AUnitWithoutPublishedWaves_GivesInconclusiveRowsWithThatReason()
    {
        File.AppendAllLines(Path.Combine(directory, "history.csv"), Enumerable.Range(0, 12).Select(t => $"{Wave(t)},tiny,,4,,,,"));

        var (code, output, error) = Run(string.Join('\n', Header, "tiny,other,2027-09", "nowhere,other,2027-09", "u001,other,2027-09"));

        Assert.True(code == 0, error);
        var lines = File.ReadAllLines(Path.Combine(directory, "effects.csv"));
        Assert.Contains("tiny,other,2027-09,pressure,0,,,,inconclusive,", lines);
        Assert.Contains("nowhere,other,2027-09,speakup,0,,,,inconclusive,", lines);
        Assert.Contains("tiny other from 2027-09, pressure: inconclusive: the unit has no published wave: it is not in the history, or it always had too few respondents to be published; conclusive only with published waves of the unit before and after the start", output, StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("u001,other,2027-09,pressure,4,", StringComparison.Ordinal) && !l.Contains(",inconclusive,", StringComparison.Ordinal));
    }

    [Fact]
    public void RegistryExportColumns_AreAccepted_AndAnEndedStatusChangesNothing()
    {
        Run(string.Join('\n', Header, "u001,other,2027-09", "u002,other,2027-10"));
        var plain = File.ReadAllText(Path.Combine(directory, "effects.csv"));

        var (code, _, error) = Run(string.Join('\n', "id,unit,intervention,start_wave,status,owner,notes", "r1,u001,other,2027-09,ended,ipim-a,\"met het team, twee sessies\"", "r2,u002,other,2027-10,running,ipim-b,"));

        Assert.True(code == 0, error);
        Assert.Equal(plain, File.ReadAllText(Path.Combine(directory, "effects.csv")));
    }

    [Fact]
    public void AsOf_UsesOnlyWavesUpToIt()
    {
        var (code, output, _) = Run(Header + "\nu001,other,2027-09", asOf: Wave(9));

        Assert.Equal(0, code);
        Assert.Contains($"as of {Wave(9)}:", output, StringComparison.Ordinal);
        Assert.Contains("u001,other,2027-09,pressure,2,", File.ReadAllText(Path.Combine(directory, "effects.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public void UnitIdsThatASpreadsheetWouldRun_AreNeutralised_AndOrgPathsWrittenBackUnchanged()
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal) { [Unit(1)] = "=HYPERLINK(\"x\")", [Unit(2)] = "BZK/DGOO/Directie Arbeidszaken/Team Ä.1" };
        var rows = Build(300, 12, 9).Select(r => names.TryGetValue(r.Unit, out var name) ? r with { Unit = name } : r).ToList();
        var report = EffectEstimator.Estimate(rows, [.. names.Values.Select(n => new PlannedIntervention(n, n, "other", Wave(8)))], null);
        using var writer = new StringWriter();

        EffectsCsv.Write(writer, report);

        var text = writer.ToString();
        Assert.Contains("\"'=HYPERLINK(\"\"x\"\")\",other,2027-09,pressure,", text, StringComparison.Ordinal);
        Assert.Contains("BZK/DGOO/Directie Arbeidszaken/Team Ä.1,other,2027-09,speakup,", text, StringComparison.Ordinal);
    }

    private (int Code, string Output, string Error) Run(string interventions, string? asOf = null)
    {
        var path = Path.Combine(directory, "interventions.csv");
        File.WriteAllText(path, interventions + "\n");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = EffectsCommand.Run(Path.Combine(directory, "history.csv"), path, Path.Combine(directory, "effects.csv"), asOf, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private void WriteHistory(IEnumerable<HistoryRow> rows)
    {
        var lines = rows.Select(r => FormattableString.Invariant($"{r.Wave},{r.Unit},{r.N},{r.Invited},{r.PressureMean},{r.PressureSd},{r.SpeakUpMean},{r.SpeakUpSd}"));
        File.WriteAllLines(Path.Combine(directory, "history.csv"), new[] { string.Join(',', HistoryCsv.Columns) }.Concat(lines));
    }
}
