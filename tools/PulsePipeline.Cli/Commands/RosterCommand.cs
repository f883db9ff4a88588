using System.CommandLine;
using PulsePipeline.LocalHost;

namespace PulsePipeline.Cli.Commands;

/// <summary>`pulse roster import --units units.csv --employees employees.csv`.</summary>
internal static class RosterCommand
{
    public static Command Create()
    {
        var units = new Option<FileInfo>("--units") { Description = "CSV with columns unit,parent,name (the root has an empty parent).", Required = true };
        var employees = new Option<FileInfo>("--employees") { Description = "CSV with columns employee_id,email,language,unit (language nl or en).", Required = true };
        var import = new Command("import", "Validate a roster and replace the stored one with it. On any problem nothing is written.") { units, employees };
        import.SetAction((result, ct) => CommandErrors.GuardAsync(() =>
            RosterImport.RunAsync(result.GetValue(units)!.FullName, result.GetValue(employees)!.FullName, SettingsLayers.FromSettingsFile(), ct)));

        return new Command("roster", "Manage the roster: the only place that holds names and email addresses.") { import };
    }
}
