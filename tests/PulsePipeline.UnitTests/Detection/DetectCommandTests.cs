using PulsePipeline.Cli.Commands;
using PulsePipeline.Lab.Detection;
using PulsePipeline.Models.Detection;

namespace PulsePipeline.UnitTests.Detection;

/// <summary>
/// The `pulse detect` CSV contract: every problem reported as file:line, exit code 2 and no output file on bad input;
/// the latest wave by default and every wave, each from waves up to it, with --all-waves.
/// </summary>
[Collection(SharedShiftModel.Name)]
public sealed class DetectCommandTests(ShiftModelFixture fixture) : IDisposable
{
    private const string Header = "wave,unit,n,invited,pressure_mean,pressure_sd,speakup_mean,speakup_sd";
    private const string Good = "2027-01,u1,10,20,2.1,0.7,3.3,0.8";
    private readonly string directory = Directory.CreateTempSubdirectory("pulse-detect-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Theory]
    [InlineData("wave,unit,n,invited,pressure_mean,pressure_sd,speakup_mean\n2027-01,u1,10,20,2.1,0.7,3.3", "history.csv:1: missing column(s): speakup_sd")]
    [InlineData(Header + ",extra\n" + Good + ",1", "history.csv:1: unexpected column(s): 'extra'")]
    [InlineData(Header + "\n" + Good + "\n2027-01,u2,10,20,2.1,0.7,3.3", "history.csv:3: expected 8 fields")]
    [InlineData(Header + "\n" + Good + "\n2027-01,u2,10,20,2.1,0.7,3.3,0.8,9", "history.csv:3: expected 8 fields")]
    [InlineData(Header + "\n" + Good + "\n2027-01,u2,10,20,abc,0.7,3.3,0.8", "history.csv:3: pressure_mean 'abc' is not a number")]
    [InlineData(Header + "\n" + Good + "\n2027-01,u2,ten,20,2.1,0.7,3.3,0.8", "history.csv:3: n 'ten' is not a whole number")]
    [InlineData(Header + "\n" + Good + "\n2027-01,u2,10,20,2.1,0.7,5.5,0.8", "history.csv:3: speakup_mean 5.5 is outside 1–5")]
    [InlineData(Header + "\n" + Good + "\n2027-01,u2,10,20,0.5,0.7,3.3,0.8", "history.csv:3: pressure_mean 0.5 is outside 1–5")]
    [InlineData(Header + "\n" + Good + "\n2027-01,u2,-4,20,2.1,0.7,3.3,0.8", "history.csv:3: n must not be negative (found -4)")]
    [InlineData(Header + "\n" + Good + "\n" + Good, "history.csv:3: wave '2027-01' unit 'u1' appears more than once (first on line 2)")]
    [InlineData(Header + "\n" + Good + "\n2027-01,u2,10,20,2.1,,3.3,0.8", "history.csv:3: pressure_mean, pressure_sd, speakup_mean and speakup_sd must all be given")]
    [InlineData(Header + "\n" + Good + "\n2027-01,u2,30,20,2.1,0.7,3.3,0.8", "history.csv:3: invited (20) is less than n (30)")]
    [InlineData(Header, "history.csv: the history has no rows")]
    public void BadInput_IsReportedWithFileAndLine_ExitsWith2_AndWritesNothing(string content, string expected)
    {
        var (code, _, error) = Run(content);

        Assert.Equal(DetectCommand.BadInput, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Equal(["history.csv"], Directory.GetFiles(directory).Select(Path.GetFileName));
    }

    [Fact]
    public void EveryProblemInTheFile_IsReportedInOnePass()
    {
        var (code, _, error) = Run(string.Join('\n', Header, Good, "2027-01,u2,-1,20,2.1,0.7,3.3,0.8", "2027-01,u3,10,20,2.1,0.7,9,0.8", "2027-01,u4,10,20,x,0.7,3.3,0.8", Good));

        Assert.Equal(DetectCommand.BadInput, code);
        Assert.Contains("history.csv:3:", error, StringComparison.Ordinal);
        Assert.Contains("history.csv:4:", error, StringComparison.Ordinal);
        Assert.Contains("history.csv:5:", error, StringComparison.Ordinal);
        Assert.Contains("history.csv:6:", error, StringComparison.Ordinal);
        Assert.Contains("4 problem(s)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void BadInput_LeavesAnExistingOutputFileUntouched()
    {
        File.WriteAllText(Path.Combine(directory, "flags.csv"), "previous flags\n");

        var (code, _, _) = Run(Header + "\n2027-01,u1,10,20,7,0.7,3.3,0.8");

        Assert.Equal(DetectCommand.BadInput, code);
        Assert.Equal("previous flags\n", File.ReadAllText(Path.Combine(directory, "flags.csv")));
    }

    [Fact]
    public void ValidHistory_WritesTheLatestWave_OrEveryWaveFromWavesUpToIt()
    {
        var history = HistorySimulator.Simulate(new SimulationSettings { Units = 40, Waves = 8, Seed = 4 });
        var model = SaveModel();
        var full = Write("history.csv", history.Rows);
        var earlier = Write("earlier.csv", history.Rows.Where(r => string.CompareOrdinal(r.Wave, history.Waves[5]) <= 0));

        Assert.Equal(0, DetectCommand.Run(full, Path.Combine(directory, "latest.csv"), false, model, TextWriter.Null, TextWriter.Null));
        Assert.Equal(0, DetectCommand.Run(full, Path.Combine(directory, "all.csv"), true, model, TextWriter.Null, TextWriter.Null));
        Assert.Equal(0, DetectCommand.Run(earlier, Path.Combine(directory, "earlier-flags.csv"), true, model, TextWriter.Null, TextWriter.Null));

        var latest = File.ReadAllLines(Path.Combine(directory, "latest.csv"));
        var all = File.ReadAllLines(Path.Combine(directory, "all.csv"));
        Assert.Equal(string.Join(',', FlagsCsv.Columns), latest[0]);
        Assert.Equal(history.Rows.Count(r => r.Wave == history.Waves[^1]), latest.Length - 1);
        Assert.All(latest.Skip(1), line => Assert.StartsWith(history.Waves[^1] + ",", line, StringComparison.Ordinal));
        Assert.Equal(history.Rows.Count + 1, all.Length);
        Assert.Equal(latest.Skip(1), all.Where(l => l.StartsWith(history.Waves[^1] + ",", StringComparison.Ordinal)));
        Assert.Equal(File.ReadAllLines(Path.Combine(directory, "earlier-flags.csv")), all.Take(File.ReadAllLines(Path.Combine(directory, "earlier-flags.csv")).Length));
        Assert.DoesNotContain(Directory.GetFiles(directory), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public void UnreadableModel_IsBadInput()
    {
        var history = Write("history.csv", HistorySimulator.Simulate(new SimulationSettings { Units = 20, Waves = 7, Seed = 4 }).Rows);
        File.WriteAllText(Path.Combine(directory, "model.zip"), "not a model");
        var error = new StringWriter();

        var code = DetectCommand.Run(history, Path.Combine(directory, "flags.csv"), false, Path.Combine(directory, "model.zip"), TextWriter.Null, error);

        Assert.Equal(DetectCommand.BadInput, code);
        Assert.Contains("cannot read the shift model", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(directory, "flags.csv")));
    }

    private (int Code, string Output, string Error) Run(string content)
    {
        var history = Path.Combine(directory, "history.csv");
        File.WriteAllText(history, content + "\n");
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = DetectCommand.Run(history, Path.Combine(directory, "flags.csv"), false, SaveModelOutside(), output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Bad input must be refused before a model is even needed; a model path that does not exist proves it.</summary>
    private static string SaveModelOutside() => Path.Combine(Path.GetTempPath(), "pulse-no-such-model.zip");

    private string SaveModel()
    {
        var path = Path.Combine(directory, "model.zip");
        using var stream = File.Create(path);
        fixture.Model.Save(stream);
        return path;
    }

    private string Write(string name, IEnumerable<HistoryRow> rows)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllLines(path, rows.Select(r => string.Join(',', r.Wave, r.Unit, r.N, r.Invited, F(r.PressureMean), F(r.PressureSd), F(r.SpeakUpMean), F(r.SpeakUpSd))).Prepend(Header));
        return path;
    }

    private static string F(double? value) => value?.ToString("R", System.Globalization.CultureInfo.InvariantCulture) ?? "";
}
