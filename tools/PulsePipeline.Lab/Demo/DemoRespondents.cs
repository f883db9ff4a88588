using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using PulsePipeline.Lab.Simulation;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Roster;
using PulsePipeline.TestSupport;

namespace PulsePipeline.Lab.Demo;

/// <summary>
/// Simulated employees answering: each reads their own invitation from smtp4dev, opens the link and submits
/// the form over HTTP, like a browser without JavaScript. Units differ in climate (a few clearly worse, a few
/// better) and in response rate; answers follow <see cref="SimulatedRespondents"/>.
/// </summary>
internal sealed partial class DemoRespondents(IReadOnlyList<RosterEmployee> employees, int seed)
{
    private readonly Dictionary<string, RosterEmployee> byEmail = employees.ToDictionary(e => e.Email, StringComparer.OrdinalIgnoreCase);

    /// <summary>Each unit's climate: about one in ten clearly worse, one in ten better, the rest near neutral.</summary>
    public IReadOnlyDictionary<string, double> Climates { get; } = PerUnit(employees, seed, r => r.NextDouble() switch { < 0.1 => 0.9, < 0.2 => -0.6, _ => (r.NextDouble() - 0.5) * 0.4 });

    /// <summary>Each unit's response rate, between 45% and 85%.</summary>
    public IReadOnlyDictionary<string, double> ResponseRates { get; } = PerUnit(employees, seed + 1, r => 0.45 + (0.4 * r.NextDouble()));

    /// <summary>Employees answer the invitations received since <paramref name="since"/>, in the climate of <paramref name="wave"/>.</summary>
    public async Task<(int Answered, IReadOnlyList<MailSummary> Invitations)> AnswerAsync(Smtp4devClient mailbox, HttpClient http, DateTimeOffset since, int wave, DemoPlan plan, CancellationToken cancellationToken)
    {
        var mails = (await mailbox.ListAsync(null, cancellationToken)).Where(m => m.ReceivedDate >= since && byEmail.ContainsKey(m.To[0])).ToList();
        var progress = new Progress("employees answering over HTTP");
        var answered = 0;
        var failures = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(mails, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (mail, ct) =>
        {
            if (AnswersOf(byEmail[mail.To[0]], wave, plan) is not { } answers)
            {
                return;
            }

            var link = LinkPattern().Match(await mailbox.PlainTextAsync(mail.Id, ct)).Value;
            var form = await http.GetAsync(new Uri(link), ct);
            using var body = new FormUrlEncodedContent(answers.Select(a => KeyValuePair.Create(a.Key, a.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            var submitted = await http.PostAsync(new Uri(link), body, ct);
            if (!form.IsSuccessStatusCode || !submitted.IsSuccessStatusCode)
            {
                failures.Add($"{(int)form.StatusCode}/{(int)submitted.StatusCode}");
                return;
            }

            progress.Report($"{Interlocked.Increment(ref answered)} answered");
        });
        progress.Done($"{answered} of {mails.Count} invited answered");
        if (!failures.IsEmpty)
        {
            throw new InvalidOperationException($"{failures.Count} submissions failed (statuses {string.Join(", ", failures.Distinct())}).");
        }

        return (answered, mails);
    }

    /// <summary>
    /// What an employee answers in a wave (1-based), or null when they do not respond: the same in every run with the
    /// same seed, in the climate of their unit plus the plan's shift and intervention steps for that wave.
    /// </summary>
    public IReadOnlyDictionary<string, int>? AnswersOf(RosterEmployee employee, int wave, DemoPlan plan)
    {
        var random = new Random(StableSeed($"{seed}|{wave}|{employee.Id}"));
        if (random.NextDouble() > ResponseRates[employee.Unit])
        {
            return null;
        }

        var (pressure, speakUp) = plan.StepIn(employee.Unit, wave);
        return SimulatedRespondents.Answer(Instruments.Current, Climates[employee.Unit] + pressure, Climates[employee.Unit] + speakUp, random);
    }

    /// <summary>FNV-1a: unlike string.GetHashCode, the same in every run, so the same seed gives the same answers.</summary>
    private static int StableSeed(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }

    private static Dictionary<string, double> PerUnit(IEnumerable<RosterEmployee> staff, int seed, Func<Random, double> draw)
    {
        var random = new Random(seed);
        return staff.Select(e => e.Unit).Distinct().Order(StringComparer.Ordinal).ToDictionary(u => u, _ => draw(random), StringComparer.Ordinal);
    }

    /// <summary>A survey link as an invitation (or the demo's ending) prints it.</summary>
    [GeneratedRegex(@"https?://\S+/survey/[A-Za-z0-9_-]{43}\?lang=(nl|en)")]
    internal static partial Regex LinkPattern();
}
