using PulsePipeline.Cli.Commands;
using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.Models.Audit;
using PulsePipeline.Models.Interventions;
using PulsePipeline.Pipeline.Audit;
using PulsePipeline.Pipeline.Interventions;

namespace PulsePipeline.IntegrationTests.Registry;

public sealed class InterventionsCliTests : IDisposable
{
    private const string Hostile = "=cmd|' /C calc'!A0 <img src=x onerror=alert(1)> \u202Eevil\u202C\nline two";
    private readonly string directory = Directory.CreateTempSubdirectory("pulse-interventions-").FullName;

    [Fact]
    public async Task AnImportWithOneBadLine_WritesNothing_AndNamesTheLine()
    {
        await using var pipeline = await TestPipeline.CreateAsync();
        await RegistryUnits.RosterAsync(pipeline);
        var file = Write("interventions.csv", "unit,intervention,start_wave,owner\nafd1,other,2027-03-01,Els\nafd2,other,2027-03-01,Els\nafd2,yoga,2027-03-01,Els\nmin,other,2027-03-01,Els\n");
        var (output, errors) = (new StringWriter(), new StringWriter());

        var exit = await InterventionsTransfer.ImportAsync(file, "tester", pipeline.Settings, output, errors, CancellationToken.None);

        Assert.Equal(CommandErrors.UserError, exit);
        Assert.Contains("interventions.csv:4: intervention 'yoga' is not an intervention type", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("Nothing was written.", errors.ToString(), StringComparison.Ordinal);
        Assert.Empty(await pipeline.Get<InterventionStore>().ListAsync(null, CancellationToken.None));
        Assert.Empty((await pipeline.Get<AuditLog>().ListAsync(DateOnly.MinValue, DateOnly.MaxValue, 10, CancellationToken.None)).Entries);
    }

    [Fact]
    public async Task ExportThenImport_IsTheIdentity_ForOrgPathsAndHostileNotes_WhichTheExportNeutralises()
    {
        await using var source = await TestPipeline.CreateAsync();
        await RegistryUnits.PublishedAsync(source, "2027-01-01", RegistryUnits.OrgPath, "=HYPERLINK(\"x\")");
        await Add(source, new InterventionRecord("", RegistryUnits.OrgPath, InterventionTypes.MoralDeliberation, "2027-03-01", InterventionStatuses.Running, "Els de Vries", Hostile));
        await Add(source, new InterventionRecord("", "=HYPERLINK(\"x\")", InterventionTypes.ReportingRoutes, "2027-04-01", InterventionStatuses.Planned, "-Piet", ""));
        var exported = Path.Combine(directory, "exported.csv");
        Assert.Equal(0, await InterventionsTransfer.ExportAsync(exported, source.Settings, TextWriter.Null, CancellationToken.None));
        var text = await File.ReadAllTextAsync(exported);
        Assert.Contains(RegistryUnits.OrgPath, text, StringComparison.Ordinal);
        Assert.Contains("'=cmd|' /C calc'!A0", text, StringComparison.Ordinal);
        Assert.Contains("'=HYPERLINK", text, StringComparison.Ordinal);
        Assert.Contains("'-Piet", text, StringComparison.Ordinal);

        var again = new StringWriter();
        Assert.Equal(0, await InterventionsTransfer.ImportAsync(exported, "tester", source.Settings, again, TextWriter.Null, CancellationToken.None));
        Assert.Contains("0 added, 0 updated, 2 unchanged", again.ToString(), StringComparison.Ordinal);

        await using var target = await TestPipeline.CreateAsync();
        await RegistryUnits.PublishedAsync(target, "2027-01-01", RegistryUnits.OrgPath, "=HYPERLINK(\"x\")");
        Assert.Equal(0, await InterventionsTransfer.ImportAsync(exported, "tester", target.Settings, TextWriter.Null, TextWriter.Null, CancellationToken.None));
        var reexported = Path.Combine(directory, "reexported.csv");
        Assert.Equal(0, await InterventionsTransfer.ExportAsync(reexported, target.Settings, TextWriter.Null, CancellationToken.None));

        Assert.Equal(text, await File.ReadAllTextAsync(reexported));
        var stored = await target.Get<InterventionStore>().ListAsync(null, CancellationToken.None);
        Assert.Equal(Hostile, stored.Single(s => s.Intervention.Unit == RegistryUnits.OrgPath).Intervention.Notes);
        Assert.Equal("-Piet", stored.Single(s => s.Intervention.Unit != RegistryUnits.OrgPath).Intervention.Owner);
        var audit = await target.Get<AuditLog>().ListAsync(DateOnly.MinValue, DateOnly.MaxValue, 10, CancellationToken.None);
        Assert.Equal(stored.Select(s => s.Intervention.Id).Order(StringComparer.Ordinal), audit.Entries.Select(e => e.Subject).Order(StringComparer.Ordinal));
        Assert.All(audit.Entries, e => Assert.Equal(("cli:tester", "cli:tester", AuditActions.InterventionAdded), (e.Actor.Id, e.Actor.Name, e.Action)));
    }

    [Fact]
    public async Task AddListAndEnd_FromTheCommandLine_ShowTextAsText_AndAuditTheActor()
    {
        await using var pipeline = await TestPipeline.CreateAsync();
        await RegistryUnits.RosterAsync(pipeline);
        var output = new StringWriter();
        var candidate = new InterventionRecord("", "afd1", InterventionTypes.DilemmaTraining, "2027-03-01", InterventionStatuses.Planned, "Els", "\u202Eevil\u202C <b>bold</b>\nline two");

        Assert.Equal(0, await InterventionsCli.AddAsync(candidate, "els", pipeline.Settings, output, TextWriter.Null, CancellationToken.None));
        var id = Assert.Single(await pipeline.Get<InterventionStore>().ListAsync(null, CancellationToken.None)).Intervention.Id;
        var refused = new StringWriter();
        Assert.Equal(CommandErrors.UserError, await InterventionsCli.AddAsync(candidate with { Unit = "nowhere", Status = InterventionStatuses.Ended }, "els", pipeline.Settings, TextWriter.Null, refused, CancellationToken.None));
        Assert.Contains("unit 'nowhere' is neither in the current roster", refused.ToString(), StringComparison.Ordinal);
        Assert.Contains("status: a new intervention is planned or running", refused.ToString(), StringComparison.Ordinal);

        var listing = new StringWriter();
        Assert.Equal(0, await InterventionsCli.ListAsync(new InterventionFilter(Unit: "afd1"), pipeline.Settings, listing, TextWriter.Null, CancellationToken.None));
        Assert.Contains(id, listing.ToString(), StringComparison.Ordinal);
        Assert.Contains("<U+202E>evil", listing.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("\u202E", listing.ToString(), StringComparison.Ordinal);
        Assert.Equal(CommandErrors.UserError, await InterventionsCli.ListAsync(new InterventionFilter(Status: "done"), pipeline.Settings, TextWriter.Null, TextWriter.Null, CancellationToken.None));

        Assert.Equal(0, await InterventionsCli.EndAsync(id, "jan", pipeline.Settings, output, TextWriter.Null, CancellationToken.None));
        Assert.Equal(0, await InterventionsCli.EndAsync(id, "jan", pipeline.Settings, output, TextWriter.Null, CancellationToken.None));
        Assert.Contains("had ended already", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(CommandErrors.UserError, await InterventionsCli.EndAsync("iv-nothere", "jan", pipeline.Settings, TextWriter.Null, TextWriter.Null, CancellationToken.None));

        var audit = await pipeline.Get<AuditLog>().ListAsync(DateOnly.MinValue, DateOnly.MaxValue, 10, CancellationToken.None);
        Assert.Equal([("cli:jan", AuditActions.InterventionEnded), ("cli:els", AuditActions.InterventionAdded)], audit.Entries.Select(e => (e.Actor.Name, e.Action)));
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static async Task Add(TestPipeline pipeline, InterventionRecord candidate) =>
        Assert.Equal(InterventionWriteOutcome.Saved, (await pipeline.Get<InterventionStore>().AddAsync(candidate, Actors.Named("Els"), CancellationToken.None)).Outcome);

    private string Write(string name, string text)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, text);
        return path;
    }
}
