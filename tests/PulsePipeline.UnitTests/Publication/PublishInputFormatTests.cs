using System.CommandLine;
using PulsePipeline.Cli;

namespace PulsePipeline.UnitTests.Publication;

/// <summary>`pulse publish` on inputs as tools and offices write them: rounded sums, Dutch Excel files.</summary>
public sealed class PublishInputFormatTests : IDisposable
{
    private const string TallyHeader = "unit,n,pressure_sum,pressure_sumsq,speakup_sum,speakup_sumsq\n";
    private const string Units = "unit,parent,name\nroot,,Ministry\nA,root,Audit\nB,root,Budget\nC,root,Communication\n\"=HYPERLINK(\"\"x\"\")\",root,Evil\n";
    private const string Tallies = TallyHeader + "A,2,4,8,8,32\nB,6,12,26,24,100\nC,9,27,90,36,150\n";

    private readonly string directory = Directory.CreateTempSubdirectory("pulse-publish-formats-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void TalliesRoundedToSixDecimals_ArePublished_AndImpossibleOnesRefused()
    {
        // One respondent scoring 11/3 in each construct: sum 3.666667 and sum of squares 13.444444, which is a few
        // millionths under sum²/n = 13.444447 only because both were rounded; n = 6 lifts the unit over k.
        const string units = "unit,parent\nroot,\nA,root\n";
        var rounded = TallyHeader + "A,1,3.666667,13.444444,3.666667,13.444444\nroot,5,15,45,15,45\n";
        var (code, _, error) = Run(units, rounded);
        Assert.True(code == 0, error);
        Assert.Contains("root,true,6,3.1111,0.2722,3.1111,0.2722\nA,false,,,,,\n", File.ReadAllText(OutPath), StringComparison.Ordinal);

        var impossible = TallyHeader + "A,1,3.666667,13.4443,3.666667,13.444444\nroot,5,15,45,15,45\n";
        (code, _, error) = Run(units, impossible);
        Assert.Equal(2, code);
        Assert.Contains("tallies.csv:2: pressure: sum of squares 13.4443 is impossible for n = 1 and sum 3.666667: it must be at least sum²/n = 13.444447", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ASemicolonFileWithDecimalCommasAndAByteOrderMark_PublishesAsTheCommaFileDoes()
    {
        Run(Units, Tallies.Replace("A,2,4,8,8,32", "A,2,4.0,8.00,8,32", StringComparison.Ordinal));
        var comma = File.ReadAllText(OutPath);

        var dutchUnits = "\uFEFF" + Units.Replace(',', ';').Replace("\n", "\r\n", StringComparison.Ordinal);
        var dutchTallies = "\uFEFF" + Tallies.Replace(',', ';').Replace("A;2;4;8;8;32", "A;2;4,0;8,00;8;32", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal);
        var (code, _, error) = Run(dutchUnits, dutchTallies);

        Assert.True(code == 0, error);
        Assert.Equal(comma, File.ReadAllText(OutPath));
    }

    private string OutPath => Path.Combine(directory, "published.csv");

    private (int Code, string Output, string Error) Run(string units, string tallies)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        string[] args = ["publish", "--units", Write("units.csv", units), "--tallies", Write("tallies.csv", tallies), "--out", OutPath];
        var code = PulseCommandLine.Create().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString().ReplaceLineEndings("\n"));
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, text);
        return path;
    }
}
