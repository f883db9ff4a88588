using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using PulsePipeline.Cli.Commands;
using PulsePipeline.IntegrationTests.Faults;
using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.Lab.Simulation;
using PulsePipeline.Models.Csv;
using PulsePipeline.Models.Detection;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Publication;
using PulsePipeline.Models.Tokens;
using PulsePipeline.Pipeline.Alerts;
using PulsePipeline.Pipeline.Detection;
using PulsePipeline.Pipeline.Effects;
using PulsePipeline.Pipeline.Invitations;
using PulsePipeline.Pipeline.Publication;
using PulsePipeline.Pipeline.Roster;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;
using PulsePipeline.Pipeline.Tallies;
using PulsePipeline.Pipeline.Waves;

namespace PulsePipeline.IntegrationTests.Identifiers;

/// <summary>
/// Ids as HR writes them (<see cref="HrOrganisation"/>) through the whole pipeline on Azurite and smtp4dev: roster
/// import by the CLI, four quiet waves tallied by the step, then a fifth wave end to end (invitations in smtp4dev,
/// answers through the survey form) in which the team's climate turns, publication, detection and the IPIM digest,
/// and finally `pulse publish` and `pulse detect` on what the pipeline published. Every output gives the ids back
/// exactly as they came in; CSV output neutralises the formula and nothing else.
/// </summary>
public sealed partial class HrIdTests : IDisposable
{
    private const string Wave = "2027-05";

    private readonly string directory = Directory.CreateTempSubdirectory("pulse-hrids-").FullName;

    [Fact]
    public async Task OrgPathIds_GoThroughImportAWavePublicationDetectionAndTheDigest_AndComeBackUnchanged()
    {
        await using var pipeline = await TestPipeline.CreateAsync();
        var organisation = new HrOrganisation(pipeline.EmailDomain);
        var ids = organisation.UnitIds.Order(StringComparer.Ordinal).ToList();

        var import = await PulseAsync(pipeline, "roster", "import", "--units", Write("units.csv", organisation.UnitsCsv()), "--employees", Write("employees.csv", organisation.EmployeesCsv()));
        Assert.True(import.Code == 0, import.Output);
        var store = pipeline.Get<RosterStore>();
        var version = (await store.CurrentAsync(CancellationToken.None))!.Version;
        Assert.Equal(organisation.Units, (await store.UnitsAsync(version, CancellationToken.None)).OrderBy(u => organisation.UnitIds.ToList().IndexOf(u.Id)));
        Assert.Equal(organisation.Employees.OrderBy(e => e.Id, StringComparer.Ordinal), (await store.EmployeesAsync(version, CancellationToken.None).ToListAsync()).OrderBy(e => e.Id, StringComparer.Ordinal));

        for (var wave = 1; wave <= 4; wave++)
        {
            await TallyAQuietWaveAsync(pipeline, organisation, $"2027-0{wave}", wave);
        }

        await RunWaveFiveAsync(pipeline, organisation);

        var published = await pipeline.Storage.Published.QueryAsync<PublishedEntity>(p => p.PartitionKey == Wave).ToListAsync();
        Assert.Equal(ids, published.Select(p => p.Unit).Order(StringComparer.Ordinal));
        Assert.Equal(organisation.Units.ToDictionary(u => u.Id, u => u.Parent ?? ""), published.ToDictionary(p => p.Unit, p => p.Parent));
        Assert.All(published.Where(p => organisation.Leaves.Contains(p.Unit)), p => Assert.Equal(HrOrganisation.EmployeesPerLeaf, p.N));

        var flags = await pipeline.Storage.Flags.QueryAsync<FlagEntity>(f => f.PartitionKey == Wave).ToListAsync();
        Assert.Equal(ids, flags.Where(f => f.RowKey != FlagEntity.OrganisationRow).Select(f => f.Unit).Order(StringComparer.Ordinal));
        var team = flags.Single(f => f.RowKey != FlagEntity.OrganisationRow && f.Unit == HrOrganisation.Team);
        Assert.True(team.Flagged, team.Reasons);
        Assert.Single(flags, f => f.RowKey == FlagEntity.OrganisationRow); // beside, not instead of, the unit "%organisation"

        var digest = Assert.Single(await pipeline.Mailbox.ListAsync($"ipim@{pipeline.EmailDomain}", CancellationToken.None), m => m.Subject.Contains(Wave, StringComparison.Ordinal));
        Assert.Contains(HrOrganisation.TeamPath, await pipeline.Mailbox.PlainTextAsync(digest.Id, CancellationToken.None), StringComparison.Ordinal);

        await AssertTheCsvContractsGiveTheIdsBackAsync(pipeline, organisation, published, team);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    /// <summary>
    /// `pulse detect` on the published history and `pulse publish` on the roster's units file and the private tallies
    /// written with 6 decimals, as an auditor would: the unit column holds every id as it is, the formula neutralised.
    /// </summary>
    private async Task AssertTheCsvContractsGiveTheIdsBackAsync(TestPipeline pipeline, HrOrganisation organisation, IReadOnlyList<PublishedEntity> published, FlagEntity team)
    {
        var written = organisation.UnitIds.Select(CsvWriter.Text).Order(StringComparer.Ordinal).ToList();
        Assert.Contains("'=cmd|' /C calc'!A0", written);

        var history = await pipeline.Get<PublishedHistory>().HistoryUpToAsync(Wave, CancellationToken.None);
        var historyCsv = HrOrganisation.Csv(HistoryCsv.Columns, history.Select(h => new[] { h.Wave, h.Unit, Number(h.N), Number(h.Invited), Number(h.PressureMean), Number(h.PressureSd), Number(h.SpeakUpMean), Number(h.SpeakUpSd) }));
        var flagsPath = Path.Combine(directory, "flags.csv");
        var detect = await PulseAsync(pipeline, "detect", "--history", Write("history.csv", historyCsv), "--out", flagsPath);
        Assert.True(detect.Code == 0, detect.Output);
        var flags = CsvFile.Read(flagsPath, FlagsCsv.Columns).Rows;
        Assert.Equal(written, flags.Select(r => r["unit"]).Order(StringComparer.Ordinal));
        Assert.Equal(team.Flagged ? "true" : "false", flags.Single(r => r["unit"] == HrOrganisation.Team)["flagged"]);

        var archived = await pipeline.Storage.Tallies.QueryAsync<TallyEntity>(t => t.PartitionKey == Wave).ToListAsync();
        var tallies = HrOrganisation.Csv(PublicationCsvReader.TallyColumns, archived.Select(t =>
        {
            var sums = t.ToTally().ToUnitTally(Instruments.Current).Constructs;
            string F(decimal d) => d.ToString("0.000000", CultureInfo.InvariantCulture);
            return new[] { t.Unit, Number(t.N), F(sums[Construct.Pressure].Sum), F(sums[Construct.Pressure].SumOfSquares), F(sums[Construct.SpeakUp].Sum), F(sums[Construct.SpeakUp].SumOfSquares) };
        }));
        var publishedPath = Path.Combine(directory, "published.csv");
        var publish = await PulseAsync(pipeline, "publish", "--units", Path.Combine(directory, "units.csv"), "--tallies", Write("tallies.csv", tallies), "--out", publishedPath);
        Assert.True(publish.Code == 0, publish.Output);
        var rows = CsvFile.Read(publishedPath, PublicationCsvWriter.Columns).Rows.ToDictionary(r => r["unit"], StringComparer.Ordinal);
        Assert.Equal(written, rows.Keys.Order(StringComparer.Ordinal));
        foreach (var p in published.Where(p => p.Published))
        {
            var row = rows[CsvWriter.Text(p.Unit)];
            Assert.Equal(p.N!.Value.ToString(CultureInfo.InvariantCulture), row["n"]);
            Assert.Equal(p.PressureMean!.Value, double.Parse(row["pressure_mean"], CultureInfo.InvariantCulture), 0.0002);
        }
    }

    /// <summary>A wave tallied straight through the step, every unit's climate neutral, then published and detected.</summary>
    private static async Task TallyAQuietWaveAsync(TestPipeline pipeline, HrOrganisation organisation, string waveId, int seed)
    {
        await pipeline.Get<OpenWaveStep>().OpenAsync(waveId, CancellationToken.None);
        await pipeline.Storage.Queue(StorageNames.InvitationsQueue).ClearMessagesAsync();
        var random = new Random(seed);
        foreach (var employee in organisation.Employees)
        {
            var answers = SimulatedRespondents.Answer(Instruments.Current, 0, random);
            await pipeline.Get<TallyResponseStep>().HandleAsync(Responses.Json(Responses.Uniform(waveId, employee.Unit, 3) with { Answers = answers }), CancellationToken.None);
        }

        await CloseAndPublishAsync(pipeline, waveId);
    }

    /// <summary>The fifth wave as employees live it: their invitation in the mailbox, their answers through the form.</summary>
    private static async Task RunWaveFiveAsync(TestPipeline pipeline, HrOrganisation organisation)
    {
        await pipeline.Get<OpenWaveStep>().OpenAsync(Wave, CancellationToken.None);
        await QueueDriver.DeliverAllAsync(pipeline, StorageNames.InvitationsQueue, pipeline.Get<SendInvitationsStep>().HandleAsync, times: 1);
        var mails = await pipeline.WaitForMailsAsync(organisation.Employees.Count);
        Assert.Equal(organisation.Employees.Count, mails.Count);

        var table = await pipeline.WaveTableAsync(Wave);
        var random = new Random(5);
        await using (var form = await pipeline.StartHttpHostAsync())
        {
            using var http = new HttpClient();
            foreach (var mail in mails)
            {
                var employee = organisation.Employees.Single(e => e.Email == mail.To[0]);
                var token = LinkPattern().Match(await pipeline.Mailbox.PlainTextAsync(mail.Id, CancellationToken.None)).Groups["token"].Value;
                var hash = SurveyTokens.Hash(token);
                Assert.Equal(employee.Unit, (await table.GetEntityAsync<TokenEntity>(TokenPartition.Of(hash), hash)).Value.Unit);

                var answers = SimulatedRespondents.Answer(Instruments.Current, employee.Unit == HrOrganisation.Team ? 1.6 : 0, random);
                using var body = new StringContent(AnsweredWave.FormBody(answers), Encoding.UTF8, "application/x-www-form-urlencoded");
                using var response = await http.PostAsync(new Uri($"{pipeline.BaseUrl}/survey/{token}"), body);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }

            await form.StopAsync();
        }

        await QueueDriver.DeliverAllAsync(pipeline, StorageNames.ResponsesQueue, pipeline.Get<TallyResponseStep>().HandleAsync, times: 1);
        await CloseAndPublishAsync(pipeline, Wave);
        await QueueDriver.DeliverAllAsync(pipeline, StorageNames.AlertsQueue, pipeline.Get<SendAlertsStep>().HandleAsync, times: 1);
    }

    private static async Task CloseAndPublishAsync(TestPipeline pipeline, string waveId)
    {
        await pipeline.Get<WaveStore>().EndEarlyAsync(waveId, DateTimeOffset.UtcNow, CancellationToken.None);
        await pipeline.Get<CloseWavesStep>().RunAsync(CancellationToken.None);
        await QueueDriver.DeliverAllAsync(pipeline, StorageNames.PublishQueue, pipeline.Get<PublishWaveStep>().HandleAsync, times: 1);
        await QueueDriver.DeliverAllAsync(pipeline, StorageNames.DetectQueue, pipeline.Get<DetectShiftsStep>().HandleAsync, times: 1);
        await QueueDriver.DeliverAllAsync(pipeline, StorageNames.EffectsQueue, pipeline.Get<EstimateEffectsStep>().HandleAsync, times: 1);
        if (waveId != Wave)
        {
            await pipeline.Storage.Queue(StorageNames.AlertsQueue).ClearMessagesAsync();
        }
    }

    private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    private static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static async Task<(int Code, string Output)> PulseAsync(TestPipeline pipeline, params string[] arguments)
    {
        await using var pulse = PulseProcess.Start(arguments, pipeline.Settings.Overrides);
        var code = await pulse.WaitForExitAsync(TimeSpan.FromMinutes(3));
        return (code, string.Join('\n', pulse.Lines));
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    [GeneratedRegex(@"/survey/(?<token>[A-Za-z0-9_-]{43})\?lang=(?<lang>nl|en)")]
    private static partial Regex LinkPattern();
}
