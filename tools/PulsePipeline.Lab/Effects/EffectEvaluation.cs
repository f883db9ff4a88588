using System.Diagnostics;
using PulsePipeline.Models.Detection;
using PulsePipeline.Models.Effects;
using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Lab.Effects;

/// <summary>
/// Runs the estimator on every world of the grid (<see cref="EffectGrid"/>), a few seeds each, as of each world's last
/// wave, and sets each estimate beside its truth: coverage, false labels at zero, bias next to the naive before/after
/// comparison, width against an oracle that knows the counterfactual and against the exact floor, inconclusive share,
/// power and pooled types. Worlds run in parallel; each is seeded and the results are gathered in order, so a run is
/// deterministic.
/// </summary>
public static class EffectEvaluation
{
    public static EffectEvaluationReport Run(EffectEvaluationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Worlds < 1 || settings.Cells.Count == 0)
        {
            throw new ArgumentException("an evaluation needs at least one world");
        }

        var clock = Stopwatch.StartNew();
        var jobs = settings.Cells.SelectMany((cell, c) => Enumerable.Range(0, settings.Worlds).Select(w => (Cell: c, World: w))).ToArray();
        var results = new WorldResult[jobs.Length];
        Parallel.For(0, jobs.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, j =>
        {
            var cell = settings.Cells[jobs[j].Cell];
            results[j] = RunWorld(cell.World with { Seed = settings.Seed + jobs[j].World }, settings);
        });

        var cells = settings.Cells.Select((cell, c) =>
        {
            var mine = results.Where((_, j) => jobs[j].Cell == c).ToList();
            return new EffectCellResult(cell, [.. mine.SelectMany(r => r.Effects)], [.. mine.SelectMany(r => r.Pooled)], [.. mine.Select(r => r.Summary)]);
        }).ToList();
        return new EffectEvaluationReport(settings, cells, clock.Elapsed);
    }

    private sealed record WorldResult(IReadOnlyList<EvaluatedEffect> Effects, IReadOnlyList<PooledEvaluation> Pooled, WorldSummary Summary);

    private static WorldResult RunWorld(EffectWorldSettings settings, EffectEvaluationSettings evaluation)
    {
        var world = EffectWorldSimulator.Simulate(settings);
        var report = EffectEstimator.Estimate(world.Rows, world.Planned, world.Waves[^1], null, evaluation.Estimator);
        var waveIndex = world.Waves.Select((x, i) => (x, i)).ToDictionary(p => p.x, p => p.i, StringComparer.Ordinal);
        var rows = world.Rows.Where(r => r.IsPublished).ToDictionary(r => (r.Wave, r.Unit));
        var scale = PublishedScale.Of(world.Settings);
        var effects = new List<EvaluatedEffect>(report.Effects.Count);
        var conclusive = 0;
        for (var i = 0; i < report.Effects.Count; i++)
        {
            var effect = report.Effects[i];
            var sim = world.Interventions[i / 2];
            var c = effect.Construct == Construct.Pressure ? 0 : 1;
            var post = effect.PostWaves.Select(x => waveIndex[x]).ToList();
            var oracle = WidthFloor.Oracle([.. post.Select(t => (t, Variance(rows[(world.Waves[t], sim.Intervention.Unit)], c)))]);
            var floor = effect.IsConclusive && conclusive++ % evaluation.FloorEvery == 0
                ? ExactFloor.Interval(world, scale, rows, sim, c, post, evaluation.Estimator.MaxPreWaves)
                : null;
            effects.Add(new EvaluatedEffect(sim, effect, sim.TrueMean(c, post), oracle, floor));
        }

        var pooled = new List<PooledEvaluation>();
        foreach (var p in report.Pooled.Where(p => p.IsConclusive))
        {
            var used = effects.Where(e => e.Simulated.Intervention.Type == p.Type && e.Effect.Construct == p.Construct && e.Effect.Estimate is not null && e.Effect.StandardError is > 0).ToList();
            pooled.Add(new PooledEvaluation(settings.Seed, p, used.Count == 0 ? 0 : used.Average(e => e.Truth)));
        }

        return new WorldResult(effects, pooled, WorldSummary.Of(world));
    }

    private static double Variance(HistoryRow row, int c)
    {
        var sd = c == 0 ? row.PressureSd!.Value : row.SpeakUpSd!.Value;
        return sd * sd / row.N!.Value;
    }
}
