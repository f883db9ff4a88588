using PulsePipeline.Models.Email;
using PulsePipeline.Models.Instrument;

namespace PulsePipeline.UnitTests.Email;

public sealed class InvitationEmailTests
{
    private static readonly Uri Link = new("https://pulse.example.nl/survey/AbC_-123?lang=nl");
    private static readonly DateOnly Closes = new(2027, 3, 15);

    [Theory]
    [InlineData(Language.Nl, "Integriteitspuls", "15 maart 2027")]
    [InlineData(Language.En, "Integrity pulse", "15 March 2027")]
    public void TheInvitation_IsInTheEmployeesLanguage_WithTheLinkInBothBodies(Language language, string subject, string date)
    {
        var email = InvitationEmail.Compose(language, Link, 0, Closes, 5);

        Assert.StartsWith(subject, email.Subject, StringComparison.Ordinal);
        Assert.Contains(Link.AbsoluteUri, email.Text, StringComparison.Ordinal);
        Assert.Contains(Link.AbsoluteUri, email.Html, StringComparison.Ordinal);
        Assert.Contains(date, email.Text, StringComparison.Ordinal);
        Assert.Contains("5", email.Text, StringComparison.Ordinal);
        Assert.Contains($"lang=\"{language.Code()}\"", email.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void AReminder_SaysSo()
    {
        Assert.StartsWith("Herinnering", InvitationEmail.Compose(Language.Nl, Link, 1, Closes, 5).Subject, StringComparison.Ordinal);
        Assert.StartsWith("Reminder", InvitationEmail.Compose(Language.En, Link, 2, Closes, 5).Subject, StringComparison.Ordinal);
    }
}
