using PulsePipeline.Cli.Commands;

namespace PulsePipeline.UnitTests.Registry;

public sealed class TerminalTextTests
{
    [Theory]
    [InlineData("a\r\nb\nc", "a⏎b⏎c")]
    [InlineData("\u202Eevil\u202C", "<U+202E>evil<U+202C>")]
    [InlineData("zero\u200Bwidth", "zero<U+200B>width")]
    [InlineData("bell\u0007", "bell?")]
    [InlineData("<b>Team Ä.1</b>", "<b>Team Ä.1</b>")]
    public void StoredText_IsShownAsText_WithInvisibleCharactersNamed(string value, string shown)
    {
        Assert.Equal(shown, TerminalText.Cell(value, 100));
    }

    [Fact]
    public void LongText_IsShortenedToTheWidth_WithAnEllipsis()
    {
        var cell = TerminalText.Cell(new string('x', 30), 10);

        Assert.Equal(10, cell.Length);
        Assert.EndsWith("…", cell, StringComparison.Ordinal);
    }
}
