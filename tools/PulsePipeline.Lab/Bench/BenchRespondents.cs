using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using PulsePipeline.Lab.Demo;
using PulsePipeline.Lab.Simulation;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Tokens;
using PulsePipeline.Pipeline.Invitations;
using PulsePipeline.Pipeline.Roster;

namespace PulsePipeline.Lab.Bench;

/// <summary>
/// Simulated employees answering over HTTP, as fast as a fixed number of concurrent browsers can. Unlike the
/// demo, they do not read their invitation from smtp4dev (121,000 API calls would time smtp4dev, not the
/// pipeline): the bench derives each link from the roster and the token secret, exactly as the send step does.
/// The roster is streamed, so the bench holds no list of employees. Whether an employee answers is a stable
/// draw against their unit's response rate; answers follow <see cref="SimulatedRespondents"/>.
/// </summary>
internal sealed class BenchRespondents(RosterStore roster, string rosterVersion, string tokenSecret, string surveyBaseUrl, int seed)
{
    public const int Concurrency = 16;

    /// <summary>
    /// Submits the answers of every employee who answers; returns how many answered. With <paramref name="slices"/>
    /// above 1 only the employees of one slice (a stable draw, spread over all units) answer, so rounds of a bench
    /// can share one wave and each use fresh tokens.
    /// </summary>
    public async Task<int> AnswerAsync(string waveId, Func<string, double> responseRate, HttpClient http, CancellationToken cancellationToken, int slice = 0, int slices = 1)
    {
        var secret = Encoding.UTF8.GetBytes(tokenSecret);
        var answered = 0;
        var failures = new ConcurrentDictionary<int, int>();
        var progress = new Progress("    answering over HTTP");
        var employees = roster.EmployeesAsync(rosterVersion, cancellationToken)
            .Where(e => StableHash($"slice|{e.Id}") % slices == slice && Draw($"answers|{waveId}|{e.Id}") < responseRate(e.Unit));
        await Parallel.ForEachAsync(employees, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken }, async (employee, ct) =>
        {
            var link = SurveyLink.For(surveyBaseUrl, SurveyTokens.Derive(secret, waveId, employee.Id), employee.Language);
            var random = new Random(StableHash($"{seed}|{waveId}|{employee.Id}"));
            var climate = (Draw($"climate|{employee.Unit}") - 0.5) * 0.6;
            var answers = SimulatedRespondents.Answer(Instruments.Current, climate, random);
            using var body = new FormUrlEncodedContent(answers.Select(a => KeyValuePair.Create(a.Key, a.Value.ToString(CultureInfo.InvariantCulture))));
            using var response = await http.PostAsync(link, body, ct);
            if (!response.IsSuccessStatusCode)
            {
                failures.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                return;
            }

            var count = Interlocked.Increment(ref answered);
            if (count % 100 == 0)
            {
                progress.Report($"{count} answered");
            }
        });
        progress.Done($"{answered} answered");
        if (!failures.IsEmpty)
        {
            throw new InvalidOperationException($"submissions failed: {string.Join(", ", failures.Select(f => $"{f.Value} × HTTP {f.Key}"))}");
        }

        return answered;
    }

    /// <summary>Each unit's response rate: between 45% and 85%, stable for the seed (about 65% overall).</summary>
    public double UnitRate(string unit) => 0.45 + (0.4 * Draw($"rate|{unit}"));

    /// <summary>A uniform draw in [0, 1) that is the same in every run for the same inputs.</summary>
    private double Draw(string key) => (StableHash($"{seed}|{key}") & 0xFFFFFF) / (double)0x1000000;

    /// <summary>FNV-1a: unlike string.GetHashCode, the same in every process.</summary>
    private static int StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }
}
