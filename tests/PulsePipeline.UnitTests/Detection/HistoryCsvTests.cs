using PulsePipeline.Models.Csv;
using PulsePipeline.Models.Detection;
using PulsePipeline.Models.Instrument;

namespace PulsePipeline.UnitTests.Detection;

public sealed class HistoryCsvTests
{
    [Fact]
    public void SuppressedRows_AndEmptyInvited_AreAccepted()
    {
        var (rows, problems) = Read(
            "wave,unit,n,invited,pressure_mean,pressure_sd,speakup_mean,speakup_sd",
            "2027-02,u1,,12,,,,",
            "2027-02,u2,14,,2.25,0.71,3.5,0.9",
            "2027-01,u2,\"13\",30,2,0,3.25,1.1e-1");

        Assert.Empty(problems);
        Assert.False(rows[0].IsPublished);
        Assert.Equal(new HistoryRow("2027-02", "u2", 14, null, 2.25, 0.71, 3.5, 0.9), rows[1]);
        Assert.Equal(0.11, rows[2].SpeakUpSd);
    }

    [Fact]
    public void ColumnsMayComeInAnyOrder()
    {
        var (rows, problems) = Read("unit,wave,speakup_sd,speakup_mean,pressure_sd,pressure_mean,invited,n", "u1,2027-01,0.8,3.3,0.7,2.1,20,10");

        Assert.Empty(problems);
        Assert.Equal(new HistoryRow("2027-01", "u1", 10, 20, 2.1, 0.7, 3.3, 0.8), rows.Single());
    }

    [Fact]
    public void Problems_AreInLineOrder_AndNoRowsAreReturned()
    {
        var (rows, problems) = Read(
            "wave,unit,n,invited,pressure_mean,pressure_sd,speakup_mean,speakup_sd",
            "2027-01,u1,10,20,2.1,0.7,3.3",
            "2027-01,u2,10,20,NaN,0.7,3.3,0.8",
            "2027-01,\"bad\tunit\",10,20,2.1,0.7,3.3,3.8");

        Assert.Empty(rows);
        Assert.Equal([2, 3, 4, 4], problems.Select(p => p.Line));
        Assert.Contains(problems, p => p.Message.Contains("pressure_mean 'NaN' is not a number", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message.Contains("speakup_sd 3.8 is outside 0–2.5", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message.Contains("unit 'bad?unit' contains a control character (U+0009) at position 4", StringComparison.Ordinal));
    }

    [Fact]
    public void FlagsCsv_WritesTheReasonsInEnglish_OnOneLine()
    {
        Reason[] reasons = [new(ReasonKind.Moved, Construct.Pressure, 0.5, 0.2), new(ReasonKind.ResponseRateFell, From: 0.7, To: 0.45)];
        var flag = new UnitFlag("2027-01", "u1", UnitFlagStatus.Scored, 10, true, 0.9, 0.5, 0.2, -0.1, 0.2, reasons);
        var text = new StringWriter();

        FlagsCsv.Write(text, [flag]);

        Assert.Equal("wave,unit,flagged,score,pressure_change,speakup_change,reasons\n2027-01,u1,true,0.9000,0.500,-0.100,pressure +0.50 (±0.20) vs own history; response rate fell from 70% to 45%\n", text.ToString());
    }

    private static (IReadOnlyList<HistoryRow> Rows, IReadOnlyList<CsvProblem> Problems) Read(params string[] lines) =>
        HistoryCsv.Read(CsvReader.Read(new StringReader(string.Join('\n', lines) + "\n"), "history.csv", HistoryCsv.Columns));
}
