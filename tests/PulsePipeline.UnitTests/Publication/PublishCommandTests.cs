using System.CommandLine;
using PulsePipeline.Cli;
using PulsePipeline.Cli.Commands;

namespace PulsePipeline.UnitTests.Publication;

/// <summary>`pulse publish` run in process against temporary files.</summary>
public sealed class PublishCommandTests : IDisposable
{
    private const string TallyHeader = "unit,n,pressure_sum,pressure_sumsq,speakup_sum,speakup_sumsq\n";

    // The roster's units file, name column included.
    private const string Units = "unit,parent,name\nroot,,Ministry\nA,root,Audit\nB,root,Budget\nC,root,Communication\n\"=HYPERLINK(\"\"x\"\")\",root,Evil\n";

    private const string Tallies = TallyHeader + "A,2,4,8,8,32\nB,6,12,26,24,100\nC,9,27,90,36,150\n";

    private readonly string directory = Directory.CreateTempSubdirectory("pulse-publish-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void ValidInput_WritesThePublication()
    {
        var (code, output, error) = Run(Units, Tallies);

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains("2 of 5 units published with k = 5", output, StringComparison.Ordinal);

        // A (2) is withheld; B, the next-smallest sibling, goes with it (root − C = 8); the formula is neutralised.
        Assert.Equal(
            """
            unit,published,n,pressure_mean,pressure_sd,speakup_mean,speakup_sd
            root,true,17,2.5294,0.9758,4,0.7906
            A,false,,,,,
            B,false,,,,,
            C,true,9,3,1.0607,4,0.866
            "'=HYPERLINK(""x"")",false,,,,,

            """.ReplaceLineEndings("\n"),
            File.ReadAllText(OutPath));
        Assert.Equal(["published.csv", "tallies.csv", "units.csv"], Directory.GetFiles(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void KDefaultsToFive_AndCanBeLowered()
    {
        const string units = "unit,parent\nroot,\nA,root\nB,root\n";
        const string tallies = TallyHeader + "A,4,8,16,16,64\nB,6,12,26,24,100\n";
        Run(units, tallies);
        var withDefault = File.ReadAllText(OutPath);
        Run(units, tallies, "--k", "5");
        Assert.Equal(withDefault, File.ReadAllText(OutPath));
        Assert.Contains("A,false,,,,,\nB,false,,,,,\n", withDefault, StringComparison.Ordinal);

        Run(units, tallies, "--k", "3");
        Assert.Contains("A,true,4,2,0,4,0\nB,true,6,2,0.6325,4,0.8944\n", File.ReadAllText(OutPath), StringComparison.Ordinal);
    }

    [Fact]
    public void UnitsFileWithoutNames_AndUnitsMissingFromTallies_AreAccepted()
    {
        var (code, _, _) = Run("unit,parent\nroot,\nA,root\nB,root\n", TallyHeader + "A,5,10,20,20,80\n");

        Assert.Equal(0, code);
        Assert.Equal("unit,published,n,pressure_mean,pressure_sd,speakup_mean,speakup_sd\nroot,true,5,2,0,4,0\nA,true,5,2,0,4,0\nB,false,,,,,\n", File.ReadAllText(OutPath));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(0)]
    public void KBelowThree_IsRefused(int k)
    {
        var (code, _, error) = Run(Units, Tallies, "--k", k.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(2, code);
        Assert.Contains("--k must be at least 3", error, StringComparison.Ordinal);
        Assert.False(File.Exists(OutPath));
    }

    public static TheoryData<string, string, string, string> BadInputs => new()
    {
        // units file, tallies file, where, what
        { "unit\nroot\n", Tallies, "units.csv:1:", "missing column(s): parent" },
        { "unit,parent,colour\nroot,,red\n", Tallies, "units.csv:1:", "unexpected column(s): 'colour'" },
        { "unit,parent\nroot,\nA,root,extra\n", TallyHeader, "units.csv:3:", "expected 2 fields" },
        { Units, "unit,n,pressure_sum,pressure_sumsq,speakup_sum\n", "tallies.csv:1:", "missing column(s): speakup_sumsq" },
        { Units, TallyHeader + "A,2,4,8,8,32\nB,6,12,26,24,100,7\n", "tallies.csv:3:", "expected 6 fields" },
        { Units, TallyHeader + "A,2,4,8,8,32\nZ,6,12,26,24,100\n", "tallies.csv:3:", "unknown unit 'Z'" },
        { Units, TallyHeader + "A,2,4,8,8,32\nA,2,4,8,8,32\n", "tallies.csv:3:", "unit 'A' appears more than once (first on line 2)" },
        { "unit,parent\nroot,\nA,root\nA,root\n", TallyHeader, "units.csv:4:", "unit 'A' appears more than once (first on line 3)" },
        { "unit,parent\nroot,\nA,nowhere\n", TallyHeader, "units.csv:3:", "unknown parent 'nowhere'" },
        { "unit,parent\nroot,\nA,B\nB,A\n", TallyHeader, "units.csv:3:", "unit 'A' is in a cycle" },
        { "unit,parent\nroot,\nA,root\nother,\n", TallyHeader, "units.csv:4:", "several root units" },
        { "unit,parent\nroot,\n,root\n", TallyHeader, "units.csv:3:", "unit is empty" },
        { Units, TallyHeader + "A,two,4,8,8,32\n", "tallies.csv:2:", "n must be a whole number of respondents, found 'two'" },
        { Units, TallyHeader + "A,-2,4,8,8,32\n", "tallies.csv:2:", "n must not be negative" },
        { Units, TallyHeader + "A,2.5,4,8,8,32\n", "tallies.csv:2:", "n must be a whole number of respondents, found '2.5'" },
        { Units, TallyHeader + "A,2,four,8,8,32\n", "tallies.csv:2:", "pressure_sum must be a number" },
        { Units, TallyHeader + "A,2,1.5,8,8,32\n", "tallies.csv:2:", "pressure: sum 1.5 is impossible for n = 2" },
        { Units, TallyHeader + "A,2,4,8,10.5,60\n", "tallies.csv:2:", "speakup: sum 10.5 is impossible for n = 2" },
        { Units, TallyHeader + "A,2,4,7,8,32\n", "tallies.csv:2:", "pressure: sum of squares 7 is impossible for n = 2 and sum 4: it must be at least sum²/n = 8" },
        { Units, TallyHeader + "A,2,4,15,8,32\n", "tallies.csv:2:", "at most 6·sum − 5n = 14" },
        { Units, TallyHeader + "A,0,1,1,0,0\n", "tallies.csv:2:", "pressure: with n = 0 the sum and the sum of squares must be 0" },
        { Units, "", "tallies.csv:", "the file is empty" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void BadInput_IsReportedWithItsLine_AndNothingIsWritten(string units, string tallies, string where, string what)
    {
        var (code, output, error) = Run(units, tallies);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains($"{where} ", error, StringComparison.Ordinal);
        Assert.Contains(what, error, StringComparison.Ordinal);
        Assert.Contains("No output written.", error, StringComparison.Ordinal);
        Assert.False(File.Exists(OutPath));
        Assert.Equal(2, Directory.GetFiles(directory).Length);
    }

    [Fact]
    public void BadInput_LeavesAnExistingPublicationUnchanged()
    {
        File.WriteAllText(OutPath, "earlier publication\n");

        var (code, _, _) = Run(Units, TallyHeader + "A,x,4,8,8,32\n");

        Assert.Equal(2, code);
        Assert.Equal("earlier publication\n", File.ReadAllText(OutPath));
    }

    [Fact]
    public void EveryProblemInBothFiles_IsReported_InFileAndLineOrder()
    {
        var (code, _, error) = Run(
            "unit,parent\nroot,\nA,nowhere\nB,root\nB,root\n",
            TallyHeader + "B,-1,0,0,0,0\nQ,2,4,8,8,32\nB,3,3,3,3,100\n");

        Assert.Equal(2, code);
        Assert.Equal(
            [
                "units.csv:3: unit 'A' has an unknown parent 'nowhere'",
                "units.csv:5: unit 'B' appears more than once (first on line 4)",
                "tallies.csv:2: n must not be negative, found '-1'",
                "tallies.csv:3: unknown unit 'Q': it is not in the units file",
                "tallies.csv:4: unit 'B' appears more than once (first on line 2)",
                "tallies.csv:4: speakup: sum of squares 100 is impossible for n = 3 and sum 3: scores of 1 to 5 allow at most 6·sum − 5n = 3 (whole numbers are taken as exact; if these were rounded, give them with their decimals)",
                "6 problem(s) found. No output written.",
            ],
            error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void MissingInputFile_OrOutputDirectory_IsReported()
    {
        var missing = Invoke("publish", "--units", Path.Combine(directory, "none.csv"), "--tallies", Write("tallies.csv", Tallies), "--out", OutPath);
        Assert.Equal(2, missing.Code);
        Assert.Contains("none.csv: file not found", missing.Error, StringComparison.Ordinal);

        var noDirectory = Invoke("publish", "--units", Write("units.csv", Units), "--tallies", Write("tallies.csv", Tallies), "--out", Path.Combine(directory, "no", "out.csv"));
        Assert.Equal(2, noDirectory.Code);
        Assert.Contains("does not exist", noDirectory.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AWriteThatFailsHalfway_LeavesTheTargetUnchanged_AndNoTemporaryFile()
    {
        File.WriteAllText(OutPath, "earlier publication\n");

        Assert.Throws<IOException>(() => AtomicFile.WriteText(OutPath, writer =>
        {
            writer.Write("half a publ");
            writer.Flush();
            throw new IOException("disk full");
        }));

        Assert.Equal("earlier publication\n", File.ReadAllText(OutPath));
        Assert.Single(Directory.GetFiles(directory));
    }

    private string OutPath => Path.Combine(directory, "published.csv");

    private (int Code, string Output, string Error) Run(string units, string tallies, params string[] extra) =>
        Invoke(["publish", "--units", Write("units.csv", units), "--tallies", Write("tallies.csv", tallies), "--out", OutPath, .. extra]);

    private static (int Code, string Output, string Error) Invoke(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
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
