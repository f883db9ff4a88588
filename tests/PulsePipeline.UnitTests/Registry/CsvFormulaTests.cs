using PulsePipeline.Models.Csv;

namespace PulsePipeline.UnitTests.Registry;

public sealed class CsvFormulaTests
{
    [Theory]
    [InlineData("=cmd|' /C calc'!A0")]
    [InlineData("'=already")]
    [InlineData("''+two")]
    [InlineData("'")]
    [InlineData("'plain")]
    [InlineData("-")]
    [InlineData("\tTab")]
    [InlineData("Afdeling Beleid")]
    [InlineData("")]
    public void FromText_UndoesExactlyWhatTextDid(string value)
    {
        var written = CsvWriter.Text(value);

        Assert.Equal(value, CsvWriter.FromText(written));
        Assert.False(written.TrimStart('\'').Length > 0 && written[0] is '=' or '+' or '-' or '@' or '\t', "a written value never starts like a formula");
    }
}
