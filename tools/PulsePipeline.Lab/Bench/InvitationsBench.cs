using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PulsePipeline.Lab.Demo;
using PulsePipeline.LocalHost;
using PulsePipeline.Models.Email;
using PulsePipeline.Models.Tokens;
using PulsePipeline.Models.Waves;
using PulsePipeline.Pipeline.Configuration;
using PulsePipeline.Pipeline.Email;
using PulsePipeline.Pipeline.Invitations;
using PulsePipeline.Pipeline.Roster;
using PulsePipeline.Pipeline.Waves;
using PulsePipeline.TestSupport;

namespace PulsePipeline.Lab.Bench;

/// <summary>
/// `pulse bench invitations`: N invitations through the open-wave step (what the StartWaves timer runs) and the
/// SendInvitations queue trigger of the local host into smtp4dev, timed until the last one is in the mailbox;
/// and in the same run the same messages sent with MailKit directly over as many connections as the pipeline's
/// SMTP pool holds, alternated round by round after a warm-up (<see cref="Alternation"/>); every round's rates and
/// the median ratio.
/// </summary>
internal static class InvitationsBench
{
    public const double Target = 0.8;

    public static async Task<int> RunAsync(int employees, int rounds, int seed, CancellationToken cancellationToken)
    {
        BenchOutput.Heading($"pulse bench invitations: {employees} invitations a round, {rounds} rounds after a warm-up");
        await using var session = await BenchSession.StartAsync(cancellationToken);
        var (invited, units) = await session.ImportAsync(employees, Math.Max(7, employees / 80), seed, cancellationToken);
        Console.WriteLine($"  roster: {invited} employees in {units} units");
        var options = session.Get<IOptions<PulseOptions>>().Value;

        // One host for every round, started before the first raw half: both halves share a process with it.
        await using var host = LocalPipelineHost.Create(session.Settings, LocalPipelineHost.LocalUrl(), LogLevel.Warning, services: CountingMailSender.Decorate);
        await host.StartAsync(cancellationToken);
        var sent = host.Services.GetRequiredService<CountingMailSender>();
        var connections = SmtpSessionPool.DefaultSize;
        var busy = new List<double>();
        List<(string To, EmailContent Content)> messages = [];

        // smtp4dev slows down as its mailbox grows: every half starts with an empty one, emptied off the clock.
        Task EmptyMailboxAsync(int round) => session.Mailbox.DeleteAllAsync(cancellationToken);
        var results = await Alternation.RunAsync(rounds,
        [
            new(
                $"raw MailKit, {connections} connection(s)",
                "emails",
                async _ =>
                {
                    await RawSmtp.SendAsync(options, messages, connections, cancellationToken);
                    await WaitForMailboxAsync(session.Mailbox, messages.Count, "raw sends", cancellationToken);
                    return messages.Count;
                },
                // Composed off the clock: the same messages the pipeline composes, to the same recipients.
                BeforeAsync: async round => messages = await ComposeAsync(session, options, $"raw-{round}", cancellationToken),
                AfterAsync: EmptyMailboxAsync),
            new(
                "pipeline: open wave + send",
                "emails",
                async round =>
                {
                    var clock = Stopwatch.StartNew();
                    var (accepted, sending) = (sent.Accepted, sent.Sending);
                    var wave = await host.Services.GetRequiredService<OpenWaveStep>().OpenAsync($"{WaveIds.ForSchedule(DateTimeOffset.UtcNow)}-r{round}", cancellationToken)
                        ?? throw new InvalidOperationException("the wave did not open");
                    Console.WriteLine($"    wave open (token rows written, batches enqueued) after {clock.Elapsed.TotalSeconds:0.00} s");
                    // Like the raw half: wait for the sends to be accepted (the host's own count, which costs smtp4dev
                    // nothing), then check the mailbox once they are. Polling smtp4dev's API all along would take CPU from
                    // the server being measured during this half only.
                    var progress = new Progress("    invitations accepted by smtp4dev");
                    await Polling.UntilAsync(_ => Task.FromResult(sent.Accepted - accepted), n => n >= wave.Invited, TimeSpan.FromSeconds(Math.Max(300, wave.Invited / 5)), n => progress.Report($"{n}/{wave.Invited}"), "the invitations to be accepted", cancellationToken);
                    progress.Done($"{wave.Invited}/{wave.Invited}");
                    await WaitForMailboxAsync(session.Mailbox, wave.Invited, "invitations", cancellationToken);
                    var share = (sent.Sending - sending) / (SmtpSessionPool.DefaultSize * clock.Elapsed);
                    busy.Add(share);
                    Console.WriteLine($"    the pool's {SmtpSessionPool.DefaultSize} SMTP sessions were busy sending {share:P0} of the half's wall time");
                    return wave.Invited;
                },
                AfterAsync: EmptyMailboxAsync),
        ]);
        await host.StopAsync(cancellationToken);

        Alternation.Report("invitations vs raw SMTP", results, pipeline: 1, raw: 0, Target);
        Console.WriteLine($"  SMTP sessions busy sending: median {Alternation.Median(busy.Skip(1).ToList()):P0} of the pipeline halves' wall time");
        return 0;
    }

    /// <summary>Composes every invitation exactly as the send step does (link, language, closing date).</summary>
    private static async Task<List<(string To, EmailContent Content)>> ComposeAsync(BenchSession session, PulseOptions options, string waveId, CancellationToken cancellationToken)
    {
        var roster = session.Get<RosterStore>();
        var version = (await roster.CurrentAsync(cancellationToken))!.Version;
        var secret = Encoding.UTF8.GetBytes(options.TokenSecret);
        var closes = DateTimeOffset.UtcNow.AddDays(options.WaveLengthDays);
        var messages = new List<(string, EmailContent)>();
        await foreach (var e in roster.EmployeesAsync(version, cancellationToken))
        {
            var link = SurveyLink.For(options.SurveyBaseUrl, SurveyTokens.Derive(secret, waveId, e.Id), e.Language);
            messages.Add((e.Email, InvitationEmail.Compose(e.Language, link, 0, closes, options.K)));
        }

        return messages;
    }

    public static async Task WaitForMailboxAsync(Smtp4devClient mailbox, int count, string what, CancellationToken cancellationToken)
    {
        var progress = new Progress($"    {what} in smtp4dev");
        var clock = Stopwatch.StartNew();
        await Polling.UntilAsync(
            ct => mailbox.CountAsync(null, ct),
            n => n >= count,
            TimeSpan.FromSeconds(Math.Max(300, count / 5)),
            n => progress.Report($"{n}/{count} ({n / Math.Max(clock.Elapsed.TotalSeconds, 0.001):0}/s)"),
            what,
            cancellationToken);
        progress.Done($"{count}/{count}");
    }
}
