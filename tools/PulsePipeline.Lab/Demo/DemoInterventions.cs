using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using PulsePipeline.Models.Audit;
using PulsePipeline.Models.Interventions;
using PulsePipeline.Pipeline.Interventions;

namespace PulsePipeline.Lab.Demo;

/// <summary>
/// The demo's IPIM at work: after a wave, every planted unit the detector flagged in it gets its planted intervention
/// recorded in the real registry (<see cref="InterventionStore"/>, as `pulse interventions add` does, owner and actor
/// "demo"), starting with the next wave, and from then on the simulated employees of that unit answer with its effect.
/// </summary>
internal static class DemoInterventions
{
    public const string Owner = "demo";

    /// <returns>The plan with the interventions recorded after wave <paramref name="number"/>.</returns>
    public static async Task<DemoPlan> RecordAsync(WebApplication host, DemoPlan plan, DemoWaveResult result, int number, int waves, CancellationToken cancellationToken)
    {
        var flagged = result.FlaggedUnits.Select(f => f.Unit).ToHashSet(StringComparer.Ordinal);
        var store = host.Services.GetRequiredService<InterventionStore>();
        foreach (var shift in plan.Shifts.Where(s => s.Intervention is not null && !plan.Starts.ContainsKey(s.Unit) && number >= s.OnsetWave && flagged.Contains(s.Unit)))
        {
            if (number == waves)
            {
                Console.WriteLine($"  {shift.Name} was flagged in the last wave: no wave is left to show an intervention's effect, none recorded.");
                continue;
            }

            var planted = shift.Intervention!;
            var notes = planted.HasEffect
                ? string.Create(CultureInfo.InvariantCulture, $"Demo: effect planted from the start wave on (climate step pressure {planted.Pressure:+0.0;-0.0;0}, speak-up {planted.SpeakUp:+0.0;-0.0;0}).")
                : "Demo: no effect planted; this type does nothing in the simulation.";
            var record = new InterventionRecord("", shift.Unit, planted.Type, DemoRun.WaveId(number + 1), InterventionStatuses.Running, Owner, notes);
            var saved = await store.AddAsync(record, AuditActors.CommandLine(Owner), cancellationToken);
            if (saved.Outcome != InterventionWriteOutcome.Saved)
            {
                throw new InvalidOperationException($"The demo's intervention in {shift.Unit} was refused: {string.Join("; ", saved.Problems)}");
            }

            plan = plan.WithStart(shift.Unit, number + 1);
            Console.WriteLine($"  IPIM records intervention {saved.Intervention!.Intervention.Id}: {planted.Type} in {shift.Name} ({shift.Unit}) from wave {record.StartWave}, {(planted.HasEffect ? "with a planted effect" : "planted without any effect")}.");
        }

        return plan;
    }
}
