using System.Net;
using System.Security.Cryptography;
using System.Text;
using PulsePipeline.IntegrationTests.Faults;
using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.Models.Tokens;
using PulsePipeline.Pipeline.Waves;

namespace PulsePipeline.IntegrationTests.Hostile;

/// <summary>
/// Someone holds a used link and tries to reach another employee's survey, or their own in another wave, by guessing:
/// every single-bit change of the token, the tokens a guessed secret would give for the neighbouring employee ids
/// and for the same employee in the next wave, and simple hashes of wave and employee. Every guess is an unknown
/// link (404); none opens a form, and none even tells an unused link from a used one.
/// </summary>
public sealed class TokenGuessingTests
{
    [Fact]
    public async Task GuessingFromAUsedToken_NeverReachesAnotherSurvey()
    {
        await using var pipeline = await TestPipeline.CreateAsync();
        var wave = await AnsweredWave.OpenAsync(pipeline, employees: 30, units: 7, seed: 121);
        await pipeline.Get<OpenWaveStep>().OpenAsync("2027-04", CancellationToken.None); // the next wave is open too
        await using var host = await pipeline.StartHttpHostAsync();
        using var http = new HttpClient { BaseAddress = new Uri(pipeline.BaseUrl) };

        var employee = wave.Roster.Employees[10];
        Assert.Equal(HttpStatusCode.OK, await wave.PostAsync(http, employee, AnsweredWave.RandomAnswers(new Random(1))));
        var used = wave.Token(employee);

        var guesses = new HashSet<string>(StringComparer.Ordinal);
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (var at = 0; at < used.Length; at++)
        {
            for (var bit = 0; bit < 6; bit++)
            {
                var chars = used.ToCharArray();
                chars[at] = Alphabet[Alphabet.IndexOf(chars[at], StringComparison.Ordinal) ^ (1 << bit)];
                guesses.Add(new string(chars));
            }
        }

        var ids = new[] { -2, -1, 1, 2 }.Select(d => wave.Roster.Employees[10 + d].Id).Append(employee.Id).ToList();
        string[] guessedSecrets = ["", "secret", "pulse", "PULSE_TOKEN_SECRET", AnsweredWave.WaveId, employee.Id, used];
        foreach (var secret in guessedSecrets)
        {
            foreach (var id in ids)
            {
                foreach (var waveId in new[] { AnsweredWave.WaveId, "2027-04" })
                {
                    guesses.Add(SurveyTokens.Derive(Encoding.UTF8.GetBytes(secret), waveId, id));
                    guesses.Add(System.Buffers.Text.Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes($"{waveId}|{id}"))));
                }
            }
        }

        guesses.Remove(used);
        var answers = new Dictionary<HttpStatusCode, int>();
        foreach (var guess in guesses)
        {
            using var response = await http.GetAsync(new Uri($"/survey/{guess}", UriKind.Relative));
            answers[response.StatusCode] = answers.GetValueOrDefault(response.StatusCode) + 1;
        }

        Assert.Equal(guesses.Count, answers.GetValueOrDefault(HttpStatusCode.NotFound));
        Assert.True(guesses.Count > 300, $"{guesses.Count} guesses");

        // The real links of those employees (derived with the real secret) still work and were never guessed.
        foreach (var id in ids.Where(i => i != employee.Id))
        {
            Assert.DoesNotContain(wave.Token(wave.Roster.Employees.Single(e => e.Id == id)), guesses);
        }

        using var own = await http.GetAsync(new Uri($"/survey/{used}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Conflict, own.StatusCode);
        await host.StopAsync();
    }
}
