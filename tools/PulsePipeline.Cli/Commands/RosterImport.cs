using PulsePipeline.LocalHost;
using PulsePipeline.Models.Roster;
using PulsePipeline.Pipeline.Roster;

namespace PulsePipeline.Cli.Commands;

/// <summary>
/// Validates both roster files completely and only then replaces the stored roster. Any problem: every one is
/// printed with its line, the exit code is 2, and storage is not touched.
/// </summary>
internal static class RosterImport
{
    public static async Task<int> RunAsync(string unitsPath, string employeesPath, SettingsLayers settings, CancellationToken cancellationToken)
    {
        var units = CsvFile.Read(unitsPath, RosterReader.UnitColumns);
        var employees = CsvFile.Read(employeesPath, RosterReader.EmployeeColumns);
        var (roster, problems) = RosterReader.Read(units, employees);
        if (roster is null)
        {
            await Console.Error.WriteLineAsync($"The roster was not imported; {problems.Count} problem(s):");
            foreach (var problem in problems)
            {
                await Console.Error.WriteLineAsync($"  {problem}");
            }

            await Console.Error.WriteLineAsync("The stored roster is unchanged.");
            return CommandErrors.UserError;
        }

        using var host = await PipelineRuntime.StartAsync(settings, cancellationToken);
        var store = host.Get<RosterStore>();
        var before = await store.CurrentAsync(cancellationToken);
        var leaving = 0;
        if (before is not null)
        {
            var staying = roster.Employees.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
            await foreach (var e in store.EmployeesAsync(before.Version, cancellationToken))
            {
                leaving += staying.Contains(e.Id) ? 0 : 1;
            }
        }

        var pointer = await store.ReplaceAsync(roster, cancellationToken);
        Console.WriteLine($"Imported {pointer.Units} units and {pointer.Employees} employees (roster version {pointer.Version}).");
        if (before is not null)
        {
            Console.WriteLine($"Replaced the previous roster ({before.Employees} employees); {leaving} employee(s) no longer on it were removed.");
        }

        await host.StopAsync(cancellationToken);
        return 0;
    }
}
