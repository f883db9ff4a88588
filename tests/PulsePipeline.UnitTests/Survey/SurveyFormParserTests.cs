using PulsePipeline.Models.Instrument;
using PulsePipeline.Pipeline.Survey;

namespace PulsePipeline.UnitTests.Survey;

public sealed class SurveyFormParserTests
{
    private static readonly SurveyInstrument Instrument = Instruments.Current;

    private static string Body(Func<SurveyItem, int, string?> pair) =>
        string.Join('&', Instrument.Items.Select((item, i) => pair(item, i)).Where(p => p is not null));

    private static string Complete(int answer = 3) => Body((item, _) => $"{item.Id}={answer}");

    [Fact]
    public void EveryItemOnce_WithValues1To5_IsValid_AndKeepsEachAnswer()
    {
        var result = SurveyFormParser.Parse(Body((item, i) => $"{item.Id}={(i % 5) + 1}"), Instrument);

        Assert.True(result.IsValid);
        Assert.Equal(Instrument.Items.Count, result.Answers.Count);
        Assert.All(Instrument.Items.Select((item, i) => (item, i)), x => Assert.Equal((x.i % 5) + 1, result.Answers[x.item.Id]));
    }

    [Fact]
    public void FieldOrder_DoesNotMatter()
    {
        var body = string.Join('&', Instrument.Items.Reverse().Select(i => $"{i.Id}=4"));

        Assert.True(SurveyFormParser.Parse(body, Instrument).IsValid);
    }

    [Fact]
    public void EmptyBody_MarksEveryItemMissing()
    {
        var result = SurveyFormParser.Parse("", Instrument);

        Assert.False(result.IsValid);
        Assert.Equal(Instrument.Items.Count, result.Errors.Count);
        Assert.All(result.Errors.Values, e => Assert.Equal(SurveyFieldError.Missing, e));
        Assert.False(result.UnexpectedFields);
    }

    [Fact]
    public void MissingItem_IsMissing_AndTheOthersAreKept()
    {
        var missing = Instrument.Items[4].Id;
        var result = SurveyFormParser.Parse(Body((item, _) => item.Id == missing ? null : $"{item.Id}=2"), Instrument);

        Assert.Equal(SurveyFieldError.Missing, Assert.Single(result.Errors, e => e.Key == missing).Value);
        Assert.Equal(Instrument.Items.Count - 1, result.Answers.Count);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("6")]
    [InlineData("x")]
    [InlineData("")]
    [InlineData("03")]
    [InlineData("+3")]
    [InlineData("-1")]
    [InlineData("3.0")]
    [InlineData("%203")]
    [InlineData("3+")]
    [InlineData("%33%33")]
    [InlineData("%E0%A5%A9")]
    public void ValueOtherThanOneDigit1To5_IsInvalid(string value)
    {
        var target = Instrument.Items[0].Id;
        var result = SurveyFormParser.Parse(Body((item, _) => item.Id == target ? $"{item.Id}={value}" : $"{item.Id}=3"), Instrument);

        Assert.False(result.IsValid);
        Assert.Equal(SurveyFieldError.Invalid, Assert.Single(result.Errors).Value);
        Assert.False(result.Answers.ContainsKey(target));
    }

    [Fact]
    public void PercentEncodedDigit_IsTheDigit()
    {
        var result = SurveyFormParser.Parse(Complete().Replace($"{Instrument.Items[0].Id}=3", $"{Instrument.Items[0].Id}=%33", StringComparison.Ordinal), Instrument);

        Assert.True(result.IsValid);
    }

    [Theory]
    [InlineData("p1=3")]
    [InlineData("p1=4")]
    [InlineData("p%31=3")]
    public void RepeatedItem_IsInvalid_EvenWithTheSameValueOrAnEncodedName(string extra)
    {
        var result = SurveyFormParser.Parse(Complete() + "&" + extra, Instrument);

        Assert.False(result.IsValid);
        Assert.Equal("p1", Assert.Single(result.Errors).Key);
        Assert.False(result.Answers.ContainsKey("p1"));
    }

    [Theory]
    [InlineData("comment=hello")]
    [InlineData("P1=3")]
    [InlineData("p1 =3")]
    [InlineData("x")]
    [InlineData("=3")]
    [InlineData("submit=")]
    [InlineData("p99=3")]
    public void UnknownField_IsRefused_WhileTheAnswersStayValid(string extra)
    {
        var result = SurveyFormParser.Parse(Complete() + "&" + extra, Instrument);

        Assert.False(result.IsValid);
        Assert.True(result.UnexpectedFields);
        Assert.Empty(result.Errors);
        Assert.Equal(Instrument.Items.Count, result.Answers.Count);
    }

    [Fact]
    public void EmptyPairs_AreIgnored()
    {
        Assert.True(SurveyFormParser.Parse("&&" + Complete().Replace("&", "&&", StringComparison.Ordinal) + "&", Instrument).IsValid);
    }

    [Fact]
    public void MalformedEscapes_DoNotThrow_AndAreRefused()
    {
        var result = SurveyFormParser.Parse(Complete() + "&%zz=%&%E2%28%A1=1", Instrument);

        Assert.True(result.UnexpectedFields);
    }
}
