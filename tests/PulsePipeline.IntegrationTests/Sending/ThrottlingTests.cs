using System.Globalization;
using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Waves;
using PulsePipeline.TestSupport;
using Xunit.Abstractions;

namespace PulsePipeline.IntegrationTests.Sending;

/// <summary>
/// The mail server asks to slow down (the tap answers MAIL with 451 or 421 and a hint, as providers' relays do): the
/// hosts stop sending for as long as it asked, then resume, and every invitation still arrives exactly once, with no
/// batch failed or poisoned. Two hosts share the pause through the send ledger.
/// </summary>
public sealed class ThrottlingTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Hint = TimeSpan.FromSeconds(3);

    [Theory]
    [InlineData("451 4.7.500 Server busy. Please retry after 3 seconds")]
    [InlineData("421 4.4.2 Message submission rate for this client has exceeded the configured limit; retry after 3 seconds")]
    public async Task TheServerAsksToSlowDown_EveryHostWaitsAsAsked_ThenResumes_EachInvitationOnce(string reply)
    {
        await using var tap = SmtpTap.Start();
        await using var pipeline = await TestPipeline.CreateAsync(s =>
        {
            s["PULSE_SMTP_PORT"] = tap.Port.ToString(CultureInfo.InvariantCulture);
            s["PULSE_SEND_LIMITS"] = "20/1s";
        });
        var roster = await SendLimitTests.OnePersonUnitsAsync(pipeline, 24);
        await using var first = await pipeline.StartHostAsync($"http://127.0.0.1:{TestSettings.FreePort()}");
        await using var second = await pipeline.StartHostAsync($"http://127.0.0.1:{TestSettings.FreePort()}");
        tap.Throttle(1, reply);

        await pipeline.Get<OpenWaveStep>().OpenAsync("2027-03", CancellationToken.None);
        await Polling.UntilAsync(_ => Task.FromResult(tap.Accepted.Count), n => n >= roster.Employees.Count, TimeSpan.FromMinutes(2), null, "every invitation", CancellationToken.None);

        var answered = Assert.Single(tap.ThrottleAnswers);
        var attempts = tap.MailCommands;
        // Sends that had their turn before the answer may still start within moments; none may start later in the pause.
        var duringPause = attempts.Count(t => t > answered + TimeSpan.FromSeconds(1) && t < answered + Hint - TimeSpan.FromMilliseconds(200));
        var afterPause = attempts.Count(t => t >= answered + Hint - TimeSpan.FromMilliseconds(200));
        output.WriteLine($"{attempts.Count} MAIL commands; answered {reply[..3]} once; {duringPause} started in the pause, {afterPause} after it");

        Assert.Equal(0, duringPause);
        Assert.True(afterPause > 0, "nothing was sent after the pause");
        Assert.Equal(roster.Employees.Select(e => e.Email).Order(StringComparer.OrdinalIgnoreCase), tap.Accepted.Order(StringComparer.OrdinalIgnoreCase));
        Assert.Equal(0, (await pipeline.Storage.PoisonQueue(StorageNames.InvitationsQueue).GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }
}
