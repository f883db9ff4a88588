using PulsePipeline.Lab.Demo;
using PulsePipeline.Lab.Simulation;
using PulsePipeline.Models.Csv;
using PulsePipeline.Models.Detection;
using PulsePipeline.Models.Effects;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Plans;
using PulsePipeline.Models.Publication;
using PulsePipeline.Models.Tallies;
using PulsePipeline.Models.Units;

namespace PulsePipeline.UnitTests.Demo;

/// <summary>
/// The demo's waves in memory: the same organisation, the same answers (<see cref="DemoRespondents.AnswersOf"/>) and
/// the same publication rules as the real demo, without storage, mail or HTTP, and with every planted shift taken as
/// flagged in its onset wave (the real demo records an intervention only when the detector flags it). The rollout plan
/// takes every unit spiked for it, drawn as <see cref="DemoRollout"/> draws (<see cref="PlanDraw"/>, here with a fixed
/// seed), and its members' planned interventions are among <see cref="Interventions"/>, as the draw records them.
/// </summary>
internal sealed record DemoOffline(DemoPlan Plan, UnitTree Tree, IReadOnlyList<HistoryRow> History, IReadOnlyList<PlannedIntervention> Interventions, IReadOnlyDictionary<string, double> Climates, RolloutPlan? Rollout)
{
    public const ulong DrawSeed = 2027;

    public static DemoOffline Run(int employees, int units, int waves, int seed)
    {
        var (unitRows, staff) = SimulatedOrganisation.Create(employees, units, seed);
        var respondents = new DemoRespondents(staff, seed);
        var plan = DemoPlan.For(unitRows, staff, waves);
        var tree = UnitTree.TryBuild(unitRows.Select(u => new UnitLink(u.Id, u.Parent)).ToList(), "demo", new List<CsvProblem>())!;
        var invited = staff.GroupBy(e => e.Unit).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
        var history = new List<HistoryRow>();
        RolloutPlan? rollout = null;
        for (var wave = 1; wave <= waves; wave++)
        {
            foreach (var shift in plan.Shifts.Where(s => s.Intervention is not null && s.OnsetWave + 1 == wave))
            {
                plan = plan.WithStart(shift.Unit, wave);
            }

            if (wave == DemoPlan.EffectsOnset + 1 && plan.Rollout is { } planted)
            {
                rollout = Draw(planted.Type, [.. plan.RolloutShifts.Select(s => new PlanCandidate(s.Unit, ""))], wave);
                plan = rollout.Drawing!.Members.Aggregate(plan, (p, m) => p.WithPlanStart(m.Unit, DemoRun.WaveNumber(m.StartWave)));
            }

            var tallies = new Dictionary<string, PrivateTally>(StringComparer.Ordinal);
            foreach (var employee in staff)
            {
                if (respondents.AnswersOf(employee, wave, plan) is { } answers)
                {
                    tallies[employee.Unit] = tallies.GetValueOrDefault(employee.Unit, PrivateTally.Empty(Instruments.Current)).Add(Instruments.Current, answers);
                }
            }

            var published = Publisher.Publish(tree, tallies.ToDictionary(p => p.Key, p => p.Value.ToUnitTally(Instruments.Current), StringComparer.Ordinal), Publisher.DefaultK, invited);
            history.AddRange(published.Select(p => p.Published
                ? new HistoryRow(DemoRun.WaveId(wave), p.UnitId, (int?)p.N, (int?)p.Invited, p.Constructs[Construct.Pressure].Mean, p.Constructs[Construct.Pressure].StandardDeviation, p.Constructs[Construct.SpeakUp].Mean, p.Constructs[Construct.SpeakUp].StandardDeviation)
                : HistoryRow.Suppressed(DemoRun.WaveId(wave), p.UnitId)));
        }

        var interventions = plan.Starts.Select(s => new PlannedIntervention(s.Key, s.Key, plan.Shifts.First(p => p.Unit == s.Key).Intervention!.Type, DemoRun.WaveId(s.Value))).ToList();
        interventions.AddRange(rollout?.Drawing!.Members.Select(m => new PlannedIntervention(m.Unit, m.Unit, rollout.Type, m.StartWave) { Plan = rollout.Id }) ?? []);
        return new DemoOffline(plan, tree, history, interventions, respondents.Climates, rollout);
    }

    private static RolloutPlan Draw(string type, IReadOnlyList<PlanCandidate> units, int firstStart)
    {
        var starts = Enumerable.Range(firstStart, DemoRollout.Cohorts).Select(DemoRun.WaveId).ToList();
        var plan = new RolloutPlan("pl-000000000001", type, units, null, starts, PlanStrata.None, ["pressure", "speakup"], "demo", "demo", "demo", new DateOnly(2027, 7, 1));
        return plan with { Drawing = new PlanDrawing(PlanSeeds.Format(DrawSeed), "demo", "demo", plan.Registered, PlanDraw.Draw(DrawSeed, units, starts)) };
    }
}
