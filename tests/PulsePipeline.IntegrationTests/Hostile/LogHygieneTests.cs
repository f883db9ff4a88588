using System.Text;
using System.Text.RegularExpressions;
using PulsePipeline.IntegrationTests.Faults;
using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.Lab.Simulation;
using PulsePipeline.Models.Tokens;
using Xunit.Abstractions;

namespace PulsePipeline.IntegrationTests.Hostile;

/// <summary>
/// A whole `pulse demo` (six waves: invitations, answers over HTTP, publication, detection, IPIM digests) as a child
/// process with every one of our own log categories at Trace, and everything it writes to stdout and stderr kept:
/// no survey token, no token hash, no employee email address and no answer may appear in any line.
/// The demo empties the shared smtp4dev mailbox, so it runs with the tests that must run alone.
/// </summary>
[Collection(SharedServiceFaults.Name)]
public sealed partial class LogHygieneTests(ITestOutputHelper output)
{
    private const int Employees = 240;
    private const int Units = 16;
    private const int Waves = 6;
    private const int Seed = 4242;

    [Fact]
    public async Task AFullDemoRun_LogsNoToken_NoEmailAddress_AndNoAnswer()
    {
        var environment = TestSettings.ForDemo("pulse-loghygiene-");
        // Our own categories at their most verbose; the framework's at the levels the hosts configure.
        environment["Logging__LogLevel__Default"] = "Trace";
        environment["Logging__LogLevel__PulsePipeline"] = "Trace";

        var secret = Encoding.UTF8.GetBytes(environment["PULSE_TOKEN_SECRET"]!);
        var (_, staff) = SimulatedOrganisation.Create(Employees, Units, Seed);
        var staff0Email = staff[0].Email;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var demo = PulseProcess.Start(["demo", "--employees", $"{Employees}", "--units", $"{Units}", "--waves", $"{Waves}", "--seed", $"{Seed}", "--exit"], environment);
        var exit = await demo.WaitForExitAsync(TimeSpan.FromMinutes(12));
        var lines = demo.Lines.ToList();
        output.WriteLine($"demo exited with {exit} after {clock.Elapsed}; {lines.Count} lines captured");
        Assert.True(exit == 0, demo.Tail());
        // The capture is real: the steps' own Information lines are there, up to the last step's.
        Assert.Contains(lines, l => l.Contains("opened:", StringComparison.Ordinal) && l.Contains("employees in", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("flagged by model", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("IPIM digest sent", StringComparison.Ordinal) || l.Contains("no digest sent", StringComparison.Ordinal));
        // And the patterns below do catch what they look for.
        Assert.Matches(Answer(), "form p3=5&s2=1");
        Assert.Matches(Answer(), "{\"answers\":{\"p1\":4}}");
        Assert.Matches(EmailAddress(), staff0Email);

        var secrets = new List<string>();
        foreach (var employee in staff)
        {
            secrets.Add(employee.Email);
            for (var wave = 1; wave <= Waves; wave++)
            {
                var token = SurveyTokens.Derive(secret, $"2027-{wave:00}", employee.Id);
                secrets.Add(token);
                secrets.Add(SurveyTokens.Hash(token));
            }
        }

        var text = string.Join('\n', lines);
        var leaks = secrets.Where(s => text.Contains(s, StringComparison.OrdinalIgnoreCase)).Take(5).ToList();
        Assert.True(leaks.Count == 0, $"the logs contain {string.Join(", ", leaks)}");
        Assert.DoesNotContain(lines, l => EmailAddress().IsMatch(l) && l.Contains(staff[0].Email.Split('@')[1], StringComparison.OrdinalIgnoreCase));
        var answers = lines.Where(l => Answer().IsMatch(l)).Take(3).ToList();
        Assert.True(answers.Count == 0, $"the logs contain answers: {string.Join(" | ", answers)}");
    }

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(\.[\w-]+)+")]
    private static partial Regex EmailAddress();

    /// <summary>An item answer as the form posts it (p1=4) or as a response message carries it ("p1":4, answers).</summary>
    [GeneratedRegex(@"\b[psn]\d{1,2}(=|""?\s*:\s*)[1-5]\b|""answers""", RegexOptions.IgnoreCase)]
    private static partial Regex Answer();
}
