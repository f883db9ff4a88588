using PulsePipeline.Models.Email;
using PulsePipeline.Pipeline.Email;

namespace PulsePipeline.UnitTests.Email;

public sealed class SmtpMailSenderTests
{
    [Fact]
    public void AComposedMessage_IsNotKeptAliveByTheSession()
    {
        // A long-lived pooled session composes message after message; none may outlive its send.
        var email = new OutgoingEmail("someone@x.example", new EmailContent("subject", "text", "<p>html</p>"));
        var messages = ComposeAndForget(email, 100);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.DoesNotContain(messages, m => m.IsAlive);
    }

    [Fact]
    public void AComposedMessage_HasSenderRecipientSubjectAndBothBodies()
    {
        using var message = SmtpMailSender.Compose("Integriteitspuls", "pulse@pulse.localhost", new OutgoingEmail("someone@x.example", new EmailContent("subject", "text", "<p>html</p>")));

        Assert.Equal("\"Integriteitspuls\" <pulse@pulse.localhost>", message.From.ToString());
        Assert.Equal("someone@x.example", message.To.ToString());
        Assert.Equal("subject", message.Subject);
        Assert.Equal("text", message.TextBody);
        Assert.Equal("<p>html</p>", message.HtmlBody);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static List<WeakReference> ComposeAndForget(OutgoingEmail email, int count) =>
        Enumerable.Range(0, count).Select(_ => new WeakReference(SmtpMailSender.Compose("Integriteitspuls", "pulse@pulse.localhost", email))).ToList();
}
