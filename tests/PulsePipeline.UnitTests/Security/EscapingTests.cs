using PulsePipeline.Models.Alerts;
using PulsePipeline.Models.Csv;
using PulsePipeline.Models.Detection;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Publication;

namespace PulsePipeline.UnitTests.Security;

/// <summary>
/// Names and ids come from the roster and from CSV files anyone can write. Wherever they leave the pipeline (the
/// IPIM digest's HTML, the CSV files of `pulse publish` and `pulse detect`) they are escaped: no markup runs in a
/// mail client, no formula runs in a spreadsheet.
/// </summary>
public sealed class EscapingTests
{
    public static TheoryData<string> HostileNames => new()
    {
        "<script>alert('x')</script>",
        "\"><img src=x onerror=alert(1)>",
        "Afdeling <b>Beleid</b> & Co",
        "=cmd|' /C calc'!A0",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "\u202Eevil\u202C",
        "' onmouseover='alert(1)",
    };

    [Theory]
    [MemberData(nameof(HostileNames))]
    public void TheIpimDigest_ShowsAUnitNameAsText_NeverAsMarkup(string name)
    {
        var flag = new UnitFlag("2027-05", "b", UnitFlagStatus.Scored, 40, true, 0.97, 0.8, 0.2, -0.1, 0.2, [new Reason(ReasonKind.Moved, Construct.Pressure, 0.8, 0.2)]);
        var digest = new Digest("2027-05", null, [new DigestUnit("b", ["Ministerie", name], flag, [new TrendPoint("2027-05", 40, 3.1, 0.7, 3.2, 0.8)], SuggestedInterventions.For(flag, ItemShift.None))], [], 5);

        var email = IpimDigest.Compose(digest, Language.Nl);

        Assert.DoesNotContain(name, email.Subject, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(name), email.Html, StringComparison.Ordinal);
        if (name.AsSpan().IndexOfAny("<>\"'&") >= 0)
        {
            Assert.DoesNotContain(name, email.Html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("<script", email.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", email.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(name, email.Text, StringComparison.Ordinal); // plain text shows it as it is: text cannot run
    }

    [Theory]
    [InlineData("=1+1")]
    [InlineData("+1")]
    [InlineData("-1")]
    [InlineData("@A1")]
    [InlineData("\t=1")]
    [InlineData("\r=1")]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"x\")")]
    public void UnitIdsAndReasons_WrittenToCsv_CannotRunAsFormulas(string hostile)
    {
        var published = new StringWriter();
        PublicationCsvWriter.Write([PublishedUnit.Suppressed(hostile, SuppressionReason.FewerThanK)], published);
        var flags = new StringWriter();
        FlagsCsv.Write(flags, [new UnitFlag("2027-05", hostile, UnitFlagStatus.Scored, 10, true, 0.5, -0.1, 0.1, 0.1, 0.1, [new Reason(ReasonKind.Moved, Construct.SpeakUp, -0.1, 0.1)])]);

        foreach (var (text, columns) in new[] { (published.ToString(), PublicationCsvWriter.Columns), (flags.ToString(), FlagsCsv.Columns) })
        {
            var rows = CsvReader.Read(new StringReader(text), "out.csv", columns).Rows;
            var cells = rows.SelectMany(r => columns.Select(c => r[c])).ToList();
            Assert.All(cells, cell => Assert.False(StartsLikeAFormula(cell), $"'{cell}' starts like a formula"));
            Assert.Equal("'" + hostile, Assert.Single(rows)["unit"]);
        }
    }

    /// <summary>What a spreadsheet evaluates: a leading = + - @ tab or CR, except a plain negative number.</summary>
    private static bool StartsLikeAFormula(string cell) =>
        cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
        && !double.TryParse(cell, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);
}
