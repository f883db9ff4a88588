using System.Text;
using PulsePipeline.Cli.Commands;
using PulsePipeline.Models.Csv;

namespace PulsePipeline.UnitTests.Csv;

/// <summary>CSV as offices save it: the separator from the header, byte-order marks, other encodings, decimal commas.</summary>
public sealed class CsvDialectTests
{
    private static readonly string[] Columns = ["a", "b"];

    [Theory]
    [InlineData("a;b\r\nx;\"y;z\"\r\n", ';')]
    [InlineData("a\tb\nx\ty;z\n", '\t')]
    [InlineData("a,b\nx,y;z\n", ',')]
    public void TheSeparator_IsTakenFromTheHeaderLine(string text, char separator)
    {
        var document = CsvReader.Read(new StringReader(text), "f.csv", Columns);

        Assert.True(document.IsValid, string.Join("; ", document.Problems));
        Assert.Equal(separator, document.Separator);
        Assert.Equal(separator, document.Rows[0].Separator);
        Assert.Equal("x", document.Rows[0]["a"]);
        Assert.Equal("y;z", document.Rows[0]["b"]);
    }

    [Fact]
    public void RowsOfEmptyCellsThatExcelWritesBelowTheData_AreSkippedLikeBlankLines()
    {
        var document = CsvReader.Read(new StringReader("a;b\r\nx;y\r\n;\r\n\r\n ; \r\n"), "f.csv", Columns);

        Assert.True(document.IsValid, string.Join("; ", document.Problems));
        Assert.Equal(2, Assert.Single(document.Rows).Line);
    }

    [Fact]
    public void ASemicolonInAUnitName_DoesNotMakeACommaFileASemicolonFile()
    {
        var document = CsvReader.Read(new StringReader("a,b\nx;1;2;3,y\n"), "f.csv", Columns);

        Assert.True(document.IsValid, string.Join("; ", document.Problems));
        Assert.Equal("x;1;2;3", document.Rows[0]["a"]);
    }

    [Fact]
    public void AByteOrderMark_IsAccepted_InAFileAndInText()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("b;a\r\n1;Financiën\r\n")]);

            var fromFile = CsvFile.Read(path, Columns);
            var fromText = CsvReader.Read(new StringReader("\uFEFFb;a\r\n1;Financiën\r\n"), "f.csv", Columns);

            foreach (var document in new[] { fromFile, fromText })
            {
                Assert.True(document.IsValid, string.Join("; ", document.Problems));
                Assert.Equal("Financiën", document.Rows[0]["a"]);
                Assert.Equal("1", document.Rows[0]["b"]);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("windows-1252", 3, "Windows-1252")]
    [InlineData("utf-16", 1, "UTF-16")]
    [InlineData("utf-16-no-bom", 1, "UTF-16")]
    public void AFileThatIsNotUtf8_IsOneProblem_ThatSaysHowToSaveItAsUtf8(string encoding, int line, string named)
    {
        var text = "a;b\nok;1\nFinanciën;2\n";
        byte[] bytes = encoding switch
        {
            "windows-1252" => Encoding.Latin1.GetBytes(text),
            "utf-16" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            _ => Encoding.Unicode.GetBytes(text),
        };
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, bytes);

            var problem = Assert.Single(CsvFile.Read(path, Columns).Problems);

            Assert.Equal(line, problem.Line);
            Assert.Contains("not valid UTF-8 text", problem.Message, StringComparison.Ordinal);
            Assert.Contains(named, problem.Message, StringComparison.Ordinal);
            Assert.Contains("CSV UTF-8 (comma delimited)", problem.Message, StringComparison.Ordinal);
            Assert.Contains("Unicode (UTF-8)", problem.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("2.75", ',', "2.75", 2)]
    [InlineData("2.75", ';', "2.75", 2)]
    [InlineData("2,75", ';', "2.75", 2)]
    [InlineData("2,750", '\t', "2.75", 3)]
    [InlineData("-0,5", ';', "-0.5", 1)]
    [InlineData("3,666667", ';', "3.666667", 6)]
    [InlineData("12", ';', "12", 0)]
    [InlineData("1e-3", ',', "0.001", 3)]
    public void Numbers_TakeADecimalComma_WhereTheSeparatorIsNotAComma_AndKeepTheirDecimals(string text, char separator, string value, int decimals)
    {
        Assert.True(CsvNumbers.TryParse(text, separator, out var parsed));
        Assert.Equal(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), parsed);
        Assert.Equal(decimals, parsed.Scale);
    }

    [Theory]
    [InlineData("2,75", ',')]
    [InlineData("1.234,5", ';')]
    [InlineData("1,234.5", ';')]
    [InlineData("2,7,5", ';')]
    [InlineData("=1+1", ';')]
    [InlineData("", ';')]
    public void NumbersWithThousandsSeparatorsOrInTheWrongDialect_AreRefused(string text, char separator)
    {
        Assert.False(CsvNumbers.TryParse(text, separator, out _));
    }
}
