using System.CommandLine;
using PulsePipeline.LocalHost;
using PulsePipeline.Models.Interventions;
using PulsePipeline.Models.Plans;
using PulsePipeline.Pipeline.Plans;

namespace PulsePipeline.Cli.Commands;

/// <summary>`pulse plans add|draw|list|show|withdraw`: randomised rollout plans (docs/PLANS.md). Every change is audited.</summary>
internal static class PlansCommand
{
    public static Command Create() =>
        new("plans", "Randomised rollout plans: register the eligible units and cohorts, let the system draw the order with a recorded seed, withdraw members. Every change is audited.")
        {
            Add(), Draw(), List(), Show(), Withdraw(),
        };

    private static Command Add()
    {
        var type = new Option<string>("--type") { Description = $"The intervention type: {InterventionTypes.IdList}.", Required = true };
        var units = new Option<string[]>("--unit") { Description = "An eligible unit's id, as the roster has it; repeat for each. Default: the units flagged in the latest published wave without a planned or running intervention.", AllowMultipleArgumentsPerToken = false };
        var capacity = new Option<int?>("--capacity") { Description = "Units that can start per wave; the cohorts are then units / capacity, rounded up." };
        var cohorts = new Option<int?>("--cohorts") { Description = $"The number of cohorts (2-{PlanRules.MaxCohorts}), instead of --capacity." };
        var first = new Option<string?>("--first-start-wave") { Description = "The first cohort's start wave, a wave the schedule (PULSE_WAVE_SCHEDULE) opens after the latest published one (e.g. 2027-03-01); the next cohorts start at the schedule's next waves." };
        var starts = new Option<string?>("--start-waves") { Description = "Instead of --first-start-wave and --capacity/--cohorts: every cohort's start wave, comma-separated, in order (for wave ids the schedule does not name)." };
        var strata = new Option<string>("--strata") { Description = $"Stratify the draw: {PlanStrata.IdList}.", DefaultValueFactory = _ => PlanStrata.None };
        var constructs = new Option<string>("--constructs") { Description = "What the plan is meant to move: pressure, speakup or pressure,speakup.", Required = true };
        var owner = new Option<string>("--owner") { Description = "The IPIM user responsible.", Required = true };
        var by = By();
        var command = new Command("add", "Register a rollout plan (not drawn yet).") { type, units, capacity, cohorts, first, starts, strata, constructs, owner, by };
        command.SetAction((r, ct) => CommandErrors.GuardAsync(() => PlansCli.AddAsync(
            new PlanRequest(
                r.GetValue(type)!,
                r.GetValue(units) is { Length: > 0 } given ? given : null,
                r.GetValue(capacity),
                r.GetValue(cohorts),
                r.GetValue(first),
                r.GetValue(starts)?.Split(',', StringSplitOptions.TrimEntries),
                r.GetValue(strata)!,
                r.GetValue(constructs)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
                r.GetValue(owner)!),
            r.GetValue(by),
            SettingsLayers.FromSettingsFile(),
            Console.Out,
            Console.Error,
            ct)));
        return command;
    }

    private static Command Draw()
    {
        var id = Id();
        var by = By();
        var command = new Command("draw", "Draw a registered plan's order with a seed from a cryptographic source, and record one planned intervention per member. A draw is final.") { id, by };
        command.SetAction((r, ct) => CommandErrors.GuardAsync(() => PlansCli.DrawAsync(r.GetValue(id)!, r.GetValue(by), SettingsLayers.FromSettingsFile(), Console.Out, Console.Error, ct)));
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "List the rollout plans and their status.");
        command.SetAction((r, ct) => CommandErrors.GuardAsync(() => PlansCli.ListAsync(SettingsLayers.FromSettingsFile(), Console.Out, ct)));
        return command;
    }

    private static Command Show()
    {
        var id = Id();
        var command = new Command("show", "Show a plan: its units, cohorts and start waves, the seed, withdrawals.") { id };
        command.SetAction((r, ct) => CommandErrors.GuardAsync(() => PlansCli.ShowAsync(r.GetValue(id)!, SettingsLayers.FromSettingsFile(), Console.Out, Console.Error, ct)));
        return command;
    }

    private static Command Withdraw()
    {
        var id = Id();
        var unit = new Option<string>("--unit") { Description = "The member to withdraw.", Required = true };
        var reason = new Option<string>("--reason") { Description = $"Why, on one line (at most {PlanRules.MaxReasonLength} characters), about the unit, not about people.", Required = true };
        var by = By();
        var command = new Command("withdraw", "Withdraw a member of a drawn plan: recorded, its intervention ended, never drawn again; the estimate keeps it in its drawn cohort (intention to treat).") { id, unit, reason, by };
        command.SetAction((r, ct) => CommandErrors.GuardAsync(() => PlansCli.WithdrawAsync(r.GetValue(id)!, r.GetValue(unit)!, r.GetValue(reason)!, r.GetValue(by), SettingsLayers.FromSettingsFile(), Console.Out, Console.Error, ct)));
        return command;
    }

    private static Option<string> Id() => new("--id") { Description = "The plan's id (see `pulse plans list`).", Required = true };

    private static Option<string?> By() =>
        new("--by") { Description = "Who makes the change, for the audit (default: the operating-system user); recorded as cli:NAME." };
}
