using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using PulsePipeline.IntegrationTests.Faults;
using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.Models.Sending;
using PulsePipeline.Pipeline.Email;
using PulsePipeline.Pipeline.Waves;
using PulsePipeline.TestSupport;
using Xunit.Abstractions;

namespace PulsePipeline.IntegrationTests.Sending;

/// <summary>
/// Several hosts send one wave through one <see cref="SmtpTap"/> in front of smtp4dev, which records when each email was
/// accepted: in no window of the limit's length do more go out than the limit, whatever the number of hosts, and
/// every invitation arrives exactly once. The limit is scaled down for the test (a few emails per two seconds, not
/// 30 per minute); the property checked is the same, at that window. The busiest window reaching the limit shows
/// the hosts were held by the limiter, not by their own speed. Every employee is in a unit of their own, so the wave
/// is as many batches as people and every host gets some (a host takes up to 16 queue messages at a time).
/// </summary>
public sealed class SendLimitTests(ITestOutputHelper output)
{

    [Fact]
    public async Task TwoHostProcesses_SendOneWave_WithinTheLimitInEverySlidingWindow_EachInvitationOnce()
    {
        await using var tap = SmtpTap.Start();
        var limit = new SendLimit(6, TimeSpan.FromSeconds(2));
        await using var pipeline = await CreateAsync(tap, limit);
        var roster = await OnePersonUnitsAsync(pipeline, 40);
        var hosts = new List<PulseProcess>();
        try
        {
            hosts.Add(await ChildHosts.StartAsync(pipeline));
            hosts.Add(await ChildHosts.StartAsync(pipeline));
            await pipeline.Get<OpenWaveStep>().OpenAsync("2027-03", CancellationToken.None);

            await AssertEveryInvitationOnceWithinTheLimitAsync(tap, roster, limit);
            var sentBy = hosts.Select(h => h.Lines.Where(l => l.Contains(" sent, ", StringComparison.Ordinal) && !l.Contains(": 0 sent", StringComparison.Ordinal)).Count()).ToList();
            output.WriteLine($"batches that sent, per host: {string.Join(", ", sentBy)}");
            Assert.All(sentBy, n => Assert.True(n > 0, "a host sent nothing: the test did not share the wave"));
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task EightHosts_SendOneWave_WithinTheLimitInEverySlidingWindow_EachInvitationOnce()
    {
        await using var tap = SmtpTap.Start();
        var limit = new SendLimit(16, TimeSpan.FromSeconds(2));
        await using var pipeline = await CreateAsync(tap, limit);
        var roster = await OnePersonUnitsAsync(pipeline, 136);
        var hosts = new List<WebApplication>();
        try
        {
            for (var i = 0; i < 8; i++)
            {
                hosts.Add(await pipeline.StartHostAsync($"http://127.0.0.1:{TestSettings.FreePort()}"));
            }

            await pipeline.Get<OpenWaveStep>().OpenAsync("2027-03", CancellationToken.None);

            await AssertEveryInvitationOnceWithinTheLimitAsync(tap, roster, limit);
            var sentBy = hosts.Select(h => h.Services.GetRequiredService<SharedSendLimiter>().Issued).ToList();
            output.WriteLine($"turns per host: {string.Join(", ", sentBy)}");
            Assert.All(sentBy, n => Assert.True(n > 0, "a host sent nothing: the test did not share the wave"));
            Assert.Equal(roster.Employees.Count, sentBy.Sum());
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.StopAsync();
                await host.DisposeAsync();
            }
        }
    }

    /// <summary>Sent in every window: the most emails the tap accepted within any window of the limit's length.</summary>
    internal static int Busiest(IReadOnlyList<DateTimeOffset> times, TimeSpan window)
    {
        var sorted = times.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted.Select((t, i) => sorted.Skip(i).TakeWhile(u => u < t + window).Count()).Max();
    }

    /// <summary>A roster of <paramref name="people"/> employees, each the only one in a unit under one root.</summary>
    internal static Task<Models.Roster.Roster> OnePersonUnitsAsync(TestPipeline pipeline, int people)
    {
        var ids = Enumerable.Range(1, people).Select(i => i.ToString("D3", CultureInfo.InvariantCulture)).ToList();
        return pipeline.ImportAsync(
            "unit,parent,name\nroot,,Root\n" + string.Concat(ids.Select(i => $"u{i},root,Unit {i}\n")),
            "employee_id,email,language,unit\n" + string.Concat(ids.Select(i => $"e{i},e{i}@{pipeline.EmailDomain},nl,u{i}\n")));
    }

    private static Task<TestPipeline> CreateAsync(SmtpTap tap, SendLimit limit) => TestPipeline.CreateAsync(s =>
    {
        s["PULSE_SMTP_PORT"] = tap.Port.ToString(CultureInfo.InvariantCulture);
        s["PULSE_SEND_LIMITS"] = limit.ToString();
    });

    private async Task AssertEveryInvitationOnceWithinTheLimitAsync(SmtpTap tap, Models.Roster.Roster roster, SendLimit limit)
    {
        var expected = roster.Employees.Count;
        await Polling.UntilAsync(_ => Task.FromResult(tap.Accepted.Count), n => n >= expected, TimeSpan.FromMinutes(3), null, $"{expected} invitations", CancellationToken.None);
        var deliveries = tap.Deliveries;
        var busiest = Busiest([.. deliveries.Select(d => d.At)], limit.Window);
        var span = deliveries.Max(d => d.At) - deliveries.Min(d => d.At);
        output.WriteLine($"{deliveries.Count} accepted over {span.TotalSeconds:0.0} s; busiest {limit.Window.TotalSeconds} s window: {busiest} (limit {limit.Count})");

        Assert.Equal(roster.Employees.Select(e => e.Email).Order(StringComparer.OrdinalIgnoreCase), deliveries.Select(d => d.Recipient).Order(StringComparer.OrdinalIgnoreCase));
        Assert.InRange(busiest, limit.Count, limit.Count);
    }
}
