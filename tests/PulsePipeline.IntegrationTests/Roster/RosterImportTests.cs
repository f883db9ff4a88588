using PulsePipeline.Cli.Commands;
using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.Pipeline.Roster;

namespace PulsePipeline.IntegrationTests.Roster;

public sealed class RosterImportTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("pulse-roster-").FullName;

    [Fact]
    public async Task AFailedImport_LeavesThePreviousRosterIntact_AndAReimportReplacesIt()
    {
        await using var pipeline = await TestPipeline.CreateAsync();
        var store = pipeline.Get<RosterStore>();
        var units = Write("units.csv", "unit,parent,name\nmin,,Ministerie\na,min,Afdeling A\nb,min,Afdeling B\n");
        var first = Write("employees.csv", "employee_id,email,language,unit\ne1,e1@x.example,nl,a\ne2,e2@x.example,en,b\ne3,e3@x.example,nl,min\n");

        Assert.Equal(0, await RosterImport.RunAsync(units, first, pipeline.Settings, CancellationToken.None));
        var before = await store.CurrentAsync(CancellationToken.None);

        var broken = Write("broken.csv", "employee_id,email,language,unit\ne1,e1@x.example,nl,a\ne1,dup@x.example,nl,a\ne4,not-an-email,xx,nowhere\n");
        Assert.Equal(CommandErrors.UserError, await RosterImport.RunAsync(units, broken, pipeline.Settings, CancellationToken.None));

        var after = await store.CurrentAsync(CancellationToken.None);
        Assert.Equal(before!.Version, after!.Version);
        Assert.Equal(["e1", "e2", "e3"], await EmployeeIdsAsync(store, after.Version));

        var second = Write("second.csv", "employee_id,email,language,unit\ne2,e2@x.example,en,b\ne5,e5@x.example,nl,a\n");
        Assert.Equal(0, await RosterImport.RunAsync(units, second, pipeline.Settings, CancellationToken.None));
        var replaced = await store.CurrentAsync(CancellationToken.None);
        Assert.NotEqual(before.Version, replaced!.Version);
        Assert.Equal(["e2", "e5"], await EmployeeIdsAsync(store, replaced.Version));
        // The old version's rows are gone: only the live roster holds emails.
        Assert.Empty(await EmployeeIdsAsync(store, before.Version));
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static async Task<List<string>> EmployeeIdsAsync(RosterStore store, string version)
    {
        var ids = new List<string>();
        await foreach (var e in store.EmployeesAsync(version, CancellationToken.None))
        {
            ids.Add(e.Id);
        }

        ids.Sort(StringComparer.Ordinal);
        return ids;
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, text);
        return path;
    }
}
