using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using PulsePipeline.IntegrationTests.Faults;
using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.Lab.Demo;
using PulsePipeline.TestSupport;
using Xunit.Abstractions;

namespace PulsePipeline.IntegrationTests.Hosting;

/// <summary>
/// The demo's ending as a newcomer meets it (issue 12 point 4): without --exit it leaves a wave open, prints a survey
/// link and the workspace sign-in, both of which answer, and keeps the local host running until Ctrl+C (SIGINT), which
/// stops it with exit code 0 and says so. One small wave, to stay quick. The demo empties the shared smtp4dev mailbox,
/// so it runs with the tests that must run alone.
/// </summary>
[Collection(SharedServiceFaults.Name)]
public sealed partial class DemoEndingTests(ITestOutputHelper output)
{
    [Fact]
    public async Task TheKeptRunningDemo_AnswersItsLinks_AndStopsOnCtrlC_SayingSo()
    {
        var environment = TestSettings.ForDemo("pulse-demo-ending-");
        environment["PULSE_DEV_SIGNIN"] = "true";
        var clock = Stopwatch.StartNew();
        await using var demo = PulseProcess.Start(["demo", "--employees", "40", "--units", "8", "--waves", "1", "--seed", "7"], environment, interruptible: true);

        var lines = await Polling.UntilAsync(
            _ => Task.FromResult(demo.Lines.ToList()),
            l => demo.HasExited || (l.Exists(x => DemoRespondents.LinkPattern().IsMatch(x)) && l.Exists(x => SignIn().IsMatch(x)) && l.Exists(x => x.Contains("press Ctrl+C", StringComparison.Ordinal))),
            TimeSpan.FromMinutes(8),
            null,
            "the demo's survey link and sign-in",
            CancellationToken.None);
        Assert.False(demo.HasExited, demo.Tail());
        output.WriteLine($"links printed after {clock.Elapsed}");

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var survey = lines.Select(l => DemoRespondents.LinkPattern().Match(l)).First(m => m.Success).Value;
        var signIn = lines.Select(l => SignIn().Match(l)).First(m => m.Success).Value;
        using (var form = await http.GetAsync(new Uri(survey)))
        {
            Assert.Equal(HttpStatusCode.OK, form.StatusCode);
            Assert.Contains("<form", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var page = await http.GetAsync(new Uri(signIn)))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        Assert.False(demo.HasExited, "the demo ended before Ctrl+C:\n" + demo.Tail());
        using (var interrupt = Process.Start("kill", ["-s", "INT", demo.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await interrupt.WaitForExitAsync();
            Assert.Equal(0, interrupt.ExitCode);
        }

        var exit = await demo.WaitForExitAsync(TimeSpan.FromMinutes(2));
        Assert.True(exit == 0, demo.Tail());
        Assert.Contains(demo.Lines, l => l.StartsWith("Ctrl+C: stopping the local host.", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"https?://\S+/ipim/signin")]
    private static partial Regex SignIn();
}
