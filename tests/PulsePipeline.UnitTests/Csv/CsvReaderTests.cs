using System.Text;
using PulsePipeline.Cli.Commands;
using PulsePipeline.Models.Csv;

namespace PulsePipeline.UnitTests.Csv;

public sealed class CsvReaderTests
{
    private static readonly string[] Columns = ["a", "b"];

    [Fact]
    public void QuotedFields_MayHoldCommasQuotesAndLineBreaks_AndKeepTheirStartingLine()
    {
        var document = CsvReader.Read(new StringReader("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\nlast,row\n"), "f.csv", Columns);

        Assert.True(document.IsValid, string.Join("; ", document.Problems));
        Assert.Equal("x, y", document.Rows[0]["a"]);
        Assert.Equal("say \"hi\"", document.Rows[0]["b"]);
        Assert.Equal("two\nlines", document.Rows[1]["a"]);
        Assert.Equal([2, 3, 5], document.Rows.Select(r => r.Line));
    }

    [Fact]
    public void ColumnsMayComeInAnyOrder_AndCrlfIsAccepted()
    {
        var document = CsvReader.Read(new StringReader("b,a\r\n1,2\r\n"), "f.csv", Columns);

        Assert.True(document.IsValid);
        Assert.Equal("2", document.Rows[0]["a"]);
    }

    [Theory]
    [InlineData("a,b\n\"open,x\n", "not closed")]
    [InlineData("a,b\nx\"y,z\n", "quote inside an unquoted field")]
    [InlineData("a,b\n\"x\"y,z\n", "text after a closing quote")]
    [InlineData("a,b\nx\0,y\n", "NUL")]
    [InlineData("a,a,b\n1,2,3\n", "repeated column")]
    public void SyntaxErrors_AreReported(string text, string message)
    {
        var document = CsvReader.Read(new StringReader(text), "f.csv", Columns);

        Assert.Contains(document.Problems, p => p.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void AHugeField_IsCutAndReported_NotHeldInMemory()
    {
        var text = "a,b\n" + new string('x', 5_000_000) + ",y\n";

        var document = CsvReader.Read(new StringReader(text), "f.csv", Columns, maxFieldLength: 100);

        var problem = Assert.Single(document.Problems);
        Assert.Equal(2, problem.Line);
        Assert.Contains("longer than 100", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidUtf8_IsAProblem_NotGarbage()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, [.. Encoding.ASCII.GetBytes("a,b\nok,1\n"), 0xC3, 0x28, (byte)',', (byte)'2', (byte)'\n']);

            var document = CsvFile.Read(path, Columns);

            Assert.Contains(document.Problems, p => p.Message.Contains("not valid UTF-8", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AMissingFile_IsAProblem()
    {
        var document = CsvFile.Read("/nonexistent/units.csv", Columns);

        Assert.Contains("file not found", Assert.Single(document.Problems).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0")]
    [InlineData("+1", "'+1")]
    [InlineData("-x", "'-x")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("Afdeling Beleid", "Afdeling Beleid")]
    public void TextWrittenToCsv_CannotRunAsAFormula(string value, string written)
    {
        Assert.Equal(written, CsvWriter.Text(value));
    }

    [Fact]
    public void Writer_QuotesWhatNeedsQuoting_AndTheReaderReadsItBack()
    {
        var buffer = new StringWriter();
        var writer = new CsvWriter(buffer);
        writer.WriteRow("a", "b");
        writer.WriteRow("x, \"y\"", "line\nbreak");

        var document = CsvReader.Read(new StringReader(buffer.ToString()), "f.csv", Columns);

        Assert.True(document.IsValid);
        Assert.Equal("x, \"y\"", document.Rows[0]["a"]);
        Assert.Equal("line\nbreak", document.Rows[0]["b"]);
    }
}
