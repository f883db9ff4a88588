using System.Diagnostics;
using System.Globalization;
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
/// SendInvitations queue trigger of the local host into smtp4dev, timed until the last one is in the mailbox; and in
/// the same run the same messages sent with MailKit directly over as many connections as the pipeline's SMTP pool
/// holds. The pipeline runs twice a round, once with each limiter at a quota far above this machine's rate (so what
/// is measured is the limiter's own cost): the shared one (a ledger row in table storage) and the in-process token
/// bucket it replaced; which of the two goes first alternates by round. Every round's rates and the median ratios,
/// and where each pipeline half's time went (<see cref="SessionUse"/>).
/// </summary>
internal static class InvitationsBench
{
    public const double Target = 0.8;

    /// <summary>The shared limiter may cost at most 10% against the in-process one.</summary>
    public const double LimiterTarget = 0.9;

    /// <summary>Emails a minute both limiters allow: a thousand times what smtp4dev takes here (a few hundred a second).</summary>
    public const int QuotaPerMinute = 10_000_000;

    public static async Task<int> RunAsync(int employees, int rounds, int seed, CancellationToken cancellationToken)
    {
        BenchOutput.Heading($"pulse bench invitations: {employees} invitations a round, {rounds} rounds after a warm-up");
        await using var session = await BenchSession.StartAsync(cancellationToken);
        var (invited, units) = await session.ImportAsync(employees, Math.Max(7, employees / 80), seed, cancellationToken);
        Console.WriteLine($"  roster: {invited} employees in {units} units; both limiters at {QuotaPerMinute:N0} emails a minute");
        var options = session.Get<IOptions<PulseOptions>>().Value;

        // One host for every round, started before the first raw half: all halves share a process with it.
        await using var host = LocalPipelineHost.Create(session.Settings, LocalPipelineHost.LocalUrl(), LogLevel.Warning, services: UseBenchServices);
        await host.StartListeningAsync(cancellationToken);
        var sent = host.Services.GetRequiredService<CountingMailSender>();
        var limiter = host.Services.GetRequiredService<BenchSendLimiter>();
        var connections = SmtpSessionPool.DefaultSize;
        var uses = new List<SessionUse>();
        List<(string To, EmailContent Content)> messages = [];

        // smtp4dev slows down as its mailbox grows: every half starts with an empty one, emptied off the clock.
        Task EmptyMailboxAsync(int round) => session.Mailbox.DeleteAllAsync(cancellationToken);
        Half Pipeline(int position) => new(
            $"pipeline {position} (limiters alternate)",
            "emails",
            round =>
            {
                limiter.Use(useShared: (round + position) % 2 == 0);
                return SendWaveAsync(host.Services, session, sent, limiter, $"r{round}p{position}", uses, cancellationToken);
            },
            AfterAsync: EmptyMailboxAsync);
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
            Pipeline(1),
            Pipeline(2),
        ]);
        await host.StopAsync(cancellationToken);

        // Columns by limiter: raw, in-process, shared. Round r (results[r - 1]) ran the shared limiter first when r is odd.
        var byLimiter = results.Select((r, i) => i % 2 == 0 ? new[] { r[0], r[2], r[1] } : new[] { r[0], r[1], r[2] }).ToList();
        Alternation.Report("invitations, in-process limiter, vs raw SMTP", byLimiter, pipeline: 1, raw: 0, Target);
        Alternation.Report("invitations, shared limiter, vs raw SMTP", byLimiter, pipeline: 2, raw: 0, Target);
        Alternation.Report("shared limiter vs in-process limiter", byLimiter, pipeline: 2, raw: 1, LimiterTarget);
        var measured = uses.Skip(2).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  pipeline halves (medians): open {Median(measured, u => u.Open.TotalSeconds):0.00} s, first send {Median(measured, u => u.FirstSend.TotalSeconds):0.00} s after, sending {Median(measured, u => u.Span.TotalSeconds):0.00} s with {Median(measured, u => u.MeanBusy):0.0} of {connections} sessions busy, fewer than all for {Median(measured, u => u.BelowFull.TotalSeconds):0.00} s"));
        return 0;
    }

    private static double Median(IReadOnlyList<SessionUse> uses, Func<SessionUse, double> value) => Alternation.Median([.. uses.Select(value)]);

    /// <summary>The counting mail sender around the host's pool, and the switchable limiter in place of the host's own.</summary>
    private static void UseBenchServices(IServiceCollection services)
    {
        CountingMailSender.Decorate(services);
        services.AddSingleton(sp => new BenchSendLimiter(
            new SharedSendLimiter(sp.GetRequiredService<SendLedgerStore>(), Options.Create(new PulseOptions { SendLimits = $"{QuotaPerMinute}/1m" }), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SharedSendLimiter>>()),
            new InProcessSendLimiter(QuotaPerMinute, sp.GetRequiredService<TimeProvider>())));
        services.AddSingleton<ISendLimiter>(sp => sp.GetRequiredService<BenchSendLimiter>());
    }

    /// <summary>One pipeline half: opens a wave and waits until every invitation is accepted and in the mailbox.</summary>
    private static async Task<long> SendWaveAsync(IServiceProvider services, BenchSession session, CountingMailSender sent, BenchSendLimiter limiter, string tag, List<SessionUse> uses, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var accepted = sent.Accepted;
        sent.TakeSends();
        var wave = await services.GetRequiredService<OpenWaveStep>().OpenAsync($"{WaveIds.ForSchedule(DateTimeOffset.UtcNow)}-{tag}", cancellationToken)
            ?? throw new InvalidOperationException("the wave did not open");
        var opened = Stopwatch.GetTimestamp();
        Console.WriteLine($"    limiter: {(limiter.UsesShared ? "shared" : "in-process")}; wave open (token rows written, batches enqueued) after {Stopwatch.GetElapsedTime(started, opened).TotalSeconds:0.00} s");
        // Like the raw half: wait for the sends to be accepted (the host's own count, which costs smtp4dev nothing),
        // then check the mailbox once they are. Polling smtp4dev's API all along would take CPU from the server being
        // measured during this half only.
        var progress = new Progress("    invitations accepted by smtp4dev");
        await Polling.UntilAsync(_ => Task.FromResult(sent.Accepted - accepted), n => n >= wave.Invited, TimeSpan.FromSeconds(Math.Max(300, wave.Invited / 5)), n => progress.Report($"{n}/{wave.Invited}"), "the invitations to be accepted", cancellationToken);
        progress.Done($"{wave.Invited}/{wave.Invited}");
        var use = SessionUse.Of(started, opened, sent.TakeSends(), SmtpSessionPool.DefaultSize);
        uses.Add(use);
        Console.WriteLine($"    {use}");
        await WaitForMailboxAsync(session.Mailbox, wave.Invited, "invitations", cancellationToken);
        return wave.Invited;
    }

    /// <summary>Composes every invitation exactly as the send step does (link, language, closing date).</summary>
    private static async Task<List<(string To, EmailContent Content)>> ComposeAsync(BenchSession session, PulseOptions options, string waveId, CancellationToken cancellationToken)
    {
        var roster = session.Get<RosterStore>();
        var version = (await roster.CurrentAsync(cancellationToken))!.Version;
        var secret = Encoding.UTF8.GetBytes(options.TokenSecret);
        var closes = session.Get<DutchCalendar>().Day(DateTimeOffset.UtcNow.AddDays(options.WaveLengthDays));
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
