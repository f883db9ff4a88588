using System.CommandLine;
using PulsePipeline.LocalHost;
using PulsePipeline.Models.Interventions;
using PulsePipeline.Pipeline.Interventions;

namespace PulsePipeline.Cli.Commands;

/// <summary>`pulse interventions add|list|end|import|export`: IPIM's intervention registry.</summary>
internal static class InterventionsCommand
{
    public static Command Create() =>
        new("interventions", "IPIM's intervention registry: what was started where, for `pulse effects` and the workspace. Every change is audited.")
        {
            Add(), List(), End(), Import(), Export(),
        };

    private static Command Add()
    {
        var unit = new Option<string>("--unit") { Description = "The unit's id, as the roster has it.", Required = true };
        var type = new Option<string>("--type") { Description = $"The intervention type: {InterventionTypes.IdList}.", Required = true };
        var startWave = new Option<string>("--start-wave") { Description = "The first wave whose answers may show the intervention (e.g. 2027-03-01).", Required = true };
        var owner = new Option<string>("--owner") { Description = "The IPIM user responsible.", Required = true };
        var notes = new Option<string?>("--notes") { Description = $"IPIM's notes, at most {InterventionRules.MaxNotesLength} characters. {InterventionRules.NotesGuidance}" };
        var status = new Option<string>("--status") { Description = "planned (default) or running.", DefaultValueFactory = _ => InterventionStatuses.Planned };
        var by = By();
        var command = new Command("add", "Record an intervention for a unit.") { unit, type, startWave, owner, notes, status, by };
        command.SetAction((r, ct) => CommandErrors.GuardAsync(() => InterventionsCli.AddAsync(
            new InterventionRecord("", r.GetValue(unit)!, r.GetValue(type)!, r.GetValue(startWave)!, r.GetValue(status)!, r.GetValue(owner)!, r.GetValue(notes) ?? ""),
            r.GetValue(by),
            SettingsLayers.FromSettingsFile(),
            Console.Out,
            Console.Error,
            ct)));
        return command;
    }

    private static Command List()
    {
        var unit = new Option<string?>("--unit") { Description = "Only this unit's interventions." };
        var status = new Option<string?>("--status") { Description = $"Only this status: {InterventionStatuses.IdList}." };
        var type = new Option<string?>("--type") { Description = "Only this type." };
        var command = new Command("list", "List the recorded interventions as a table.") { unit, status, type };
        command.SetAction((r, ct) => CommandErrors.GuardAsync(() => InterventionsCli.ListAsync(
            new InterventionFilter(r.GetValue(unit), r.GetValue(status), r.GetValue(type)), SettingsLayers.FromSettingsFile(), Console.Out, Console.Error, ct)));
        return command;
    }

    private static Command End()
    {
        var id = new Option<string>("--id") { Description = "The intervention's id (see `pulse interventions list`).", Required = true };
        var by = By();
        var command = new Command("end", "Mark an intervention ended.") { id, by };
        command.SetAction((r, ct) => CommandErrors.GuardAsync(() => InterventionsCli.EndAsync(r.GetValue(id)!, r.GetValue(by), SettingsLayers.FromSettingsFile(), Console.Out, Console.Error, ct)));
        return command;
    }

    private static Command Import()
    {
        var file = new Option<FileInfo>("--file") { Description = "interventions.csv: unit,intervention,start_wave and optionally id,status,owner,notes.", Required = true };
        var by = By();
        var command = new Command("import", "Add and update interventions from a CSV file (matched by id, or else by unit, type and start wave); never deletes. On any problem nothing is written.") { file, by };
        command.SetAction((r, ct) => CommandErrors.GuardAsync(() => InterventionsTransfer.ImportAsync(r.GetValue(file)!.FullName, r.GetValue(by), SettingsLayers.FromSettingsFile(), Console.Out, Console.Error, ct)));
        return command;
    }

    private static Command Export()
    {
        var file = new Option<FileInfo>("--file") { Description = "Where to write interventions.csv (every column; `pulse effects --interventions` reads it as it is).", Required = true };
        var command = new Command("export", "Write every intervention to a CSV file.") { file };
        command.SetAction((r, ct) => CommandErrors.GuardAsync(() => InterventionsTransfer.ExportAsync(r.GetValue(file)!.FullName, SettingsLayers.FromSettingsFile(), Console.Out, ct)));
        return command;
    }

    private static Option<string?> By() =>
        new("--by") { Description = "Who makes the change, for the audit (default: the operating-system user); recorded as cli:NAME." };
}
