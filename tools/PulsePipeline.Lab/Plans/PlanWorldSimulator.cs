using PulsePipeline.Lab.Detection;
using PulsePipeline.Lab.Effects;
using PulsePipeline.Models.Detection;
using PulsePipeline.Models.Effects.Plans;
using PulsePipeline.Models.Interventions;
using PulsePipeline.Models.Plans;

namespace PulsePipeline.Lab.Plans;

/// <summary>
/// Draws a plan world: an effects world without interventions of its own, then per plan wave a plan over units flagged
/// just before it (chosen at random from the eligible, as IPIM might), drawn by the product's own <see cref="PlanDraw"/>
/// (every other block of plans stratified by size band), and each member's true effect added to its published means from
/// its start wave. The scenario of plan j (size, cohorts, effect, strata) cycles, so every combination is drawn alike.
/// </summary>
public static class PlanWorldSimulator
{
    public static PlanWorld Simulate(PlanWorldSettings settings, int seed, int firstPlan)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var world = EffectWorldSimulator.Simulate(settings.World with { Seed = seed });
        var random = new SimulationRandom(unchecked(seed * 7919 + 104_729));
        var flags = PlanFlagRule.Flags(world.Rows, world.Waves);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var plans = new List<SimulatedPlan>();
        for (var p = 0; p < settings.PlanWaves.Count; p++)
        {
            var flagWave = settings.PlanWaves[p];
            var (size, cohorts, scenario, stratified) = Scenario(settings, firstPlan + p);
            var eligible = Enumerable.Range(flagWave - settings.FlagWaves + 1, settings.FlagWaves).SelectMany(t => flags[t])
                .Where(u => !taken.Contains(u)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (eligible.Count < size)
            {
                continue;
            }

            random.Shuffle(eligible);
            var chosen = eligible.Take(size).ToList();
            taken.UnionWith(chosen);
            var n = world.Rows.Where(r => r.Wave == world.Waves[flagWave] && r.IsPublished).ToDictionary(r => r.Unit, r => r.N!.Value, StringComparer.Ordinal);
            var candidates = chosen.Select(u => new PlanCandidate(u, stratified ? PlanStrata.SizeBandOf(n.GetValueOrDefault(u)) : "")).ToList();
            var starts = Enumerable.Range(flagWave + 1, cohorts).Select(t => world.Waves[t]).ToList();
            var members = PlanDraw.Draw((ulong)random.Next(0, int.MaxValue), candidates, starts);
            var id = $"plan-{seed}-{p + 1}";
            plans.Add(new SimulatedPlan(new PlanDesign(id, InterventionTypes.MoralDeliberation, members), flagWave, Label(settings, scenario, stratified), Effects(settings, scenario, chosen, random), scenario == settings.Effects.Count ? settings.HeterogeneousRamp : 1));
        }

        return new PlanWorld(settings, world.Waves, Apply(settings, world, plans), plans);
    }

    /// <summary>Plan j's size, cohorts, effect scenario and whether it is stratified, cycling through every combination.</summary>
    internal static (int Size, int Cohorts, int Scenario, bool Stratified) Scenario(PlanWorldSettings s, int j)
    {
        var cohortChoices = s.MaxCohorts - s.MinCohorts + 1;
        var size = s.Sizes[j % s.Sizes.Count];
        j /= s.Sizes.Count;
        var cohorts = s.MinCohorts + j % cohortChoices;
        j /= cohortChoices;
        return (size, cohorts, j % s.Scenarios, j / s.Scenarios % 2 == 1);
    }

    private static string Label(PlanWorldSettings s, int scenario, bool stratified) =>
        (scenario < s.Effects.Count ? $"effect {s.Effects[scenario]:0.00}" : $"heterogeneous {s.HeterogeneousMean:0.00}±{s.HeterogeneousSd:0.00}") + (stratified ? ", stratified" : "");

    private static Dictionary<string, (double, double)> Effects(PlanWorldSettings s, int scenario, List<string> members, SimulationRandom random) =>
        members.ToDictionary(
            u => u,
            u => scenario < s.Effects.Count
                ? (s.Effects[scenario], s.Effects[scenario])
                : (s.HeterogeneousMean + s.HeterogeneousSd * random.Normal(), s.HeterogeneousMean + s.HeterogeneousSd * random.Normal()),
            StringComparer.Ordinal);

    /// <summary>The published rows with every member's true effect (and the unobserved shift, if any) added to its means.</summary>
    private static List<HistoryRow> Apply(PlanWorldSettings s, EffectWorld world, List<SimulatedPlan> plans)
    {
        var waveIndex = world.Waves.Select((w, i) => (w, i)).ToDictionary(p => p.w, p => p.i, StringComparer.Ordinal);
        var memberships = plans.SelectMany(p => p.Design.Members.Select(m => (Plan: p, Member: m))).ToDictionary(x => x.Member.Unit, StringComparer.Ordinal);
        return [.. world.Rows.Select(row =>
        {
            if (!row.IsPublished || !memberships.TryGetValue(row.Unit, out var x))
            {
                return row;
            }

            var t = waveIndex[row.Wave];
            var since = t - waveIndex[x.Member.StartWave];
            var shift = t > x.Plan.FlagWave ? s.UnobservedShift : 0;
            return row with
            {
                PressureMean = row.PressureMean + x.Plan.At(row.Unit, 0, since) - shift,
                SpeakUpMean = row.SpeakUpMean + x.Plan.At(row.Unit, 1, since) + shift,
            };
        })];
    }
}
