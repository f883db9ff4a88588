using PulsePipeline.Models.Detection;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Units;

namespace PulsePipeline.Models.Effects;

/// <summary>
/// Estimates what each intervention did to pressure and speak-up safety, from published figures only (docs/EFFECTS.md).
/// The counterfactual is the unit's own history projected by a model fitted on comparison units (stage 1), corrected by
/// the errors that prediction makes on placebo windows of comparison units with histories like the treated one (stage 2),
/// which also give the interval. Deterministic, and only waves up to the as-of wave are read.
/// </summary>
public static class EffectEstimator
{
    public static readonly IReadOnlyList<Construct> Constructs = [Construct.Pressure, Construct.SpeakUp];

    /// <param name="history">Published rows in any order; rows after <paramref name="asOfWave"/> are ignored.</param>
    /// <param name="interventions">Every intervention; effects are returned in this order, pressure then speak-up.</param>
    /// <param name="asOfWave">The last wave the estimate may use; null for the history's latest.</param>
    /// <param name="tree">The unit tree when known: a parent's figures include its descendants, so their interventions matter to it.</param>
    public static EffectReport Estimate(IReadOnlyList<HistoryRow> history, IReadOnlyList<PlannedIntervention> interventions, string? asOfWave, UnitTree? tree = null, EffectSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(interventions);
        settings ??= EffectSettings.Default;
        var panel = new EffectPanel(history, interventions, asOfWave, tree, settings);
        var context = new EffectContext(panel, settings);
        var starts = interventions.Select(i => panel.StartIndex(i.StartWave)).ToArray();
        var effects = new InterventionEffect[interventions.Count * 2];
        var queries = new List<EffectQuery>();
        for (var i = 0; i < interventions.Count; i++)
        {
            Prepare(context, interventions, starts, i, effects, queries);
        }

        // Set by set: each placebo set is built once, serves every effect of its horizons and construct while its columns
        // are hot in the cache, and is gone before its worker builds the next. Sets are independent and each effect has
        // its own slot, so the workers' order never shows in the report. How many workers is the thread pool's choice: the
        // domain reads nothing of the machine.
        var groups = queries.GroupBy(q => q.SetKey, StringComparer.Ordinal).ToList();
        Parallel.ForEach(groups, () => new PlaceboColumns(), (group, _, columns) =>
        {
            var placebos = PlaceboSet.Build(context, group.First().Horizons, group.First().C, columns);
            foreach (var query in group)
            {
                effects[query.Slot] = EstimateConstruct(context, query, placebos);
            }

            return columns;
        }, _ => { });

        return new EffectReport(panel.W > 0 ? panel.Waves[^1] : asOfWave, panel.Waves, effects, EffectPooling.Pool(effects), context.Models);
    }

    /// <summary>Into <paramref name="effects"/>, the intervention's two effects when they are inconclusive before any comparison; else its two queries.</summary>
    private static void Prepare(EffectContext context, IReadOnlyList<PlannedIntervention> interventions, int[] starts, int index, InterventionEffect[] effects, List<EffectQuery> queries)
    {
        var panel = context.Panel;
        var settings = context.Settings;
        var me = interventions[index];
        var start = starts[index];
        if (panel.UnitIndex(me.Unit) is not { } unit || !Enumerable.Range(0, panel.W).Any(t => panel.Published(unit, t)))
        {
            Both(me, InconclusiveReason.NoPublishedWave, [], 0, 0, EffectShortfall.None).CopyTo(effects, 2 * index);
            return;
        }

        var median = MedianRespondents(panel, unit);
        var pre = context.Pre(unit, start);
        var preCount = pre?.Waves.Length ?? 0;
        if (preCount < settings.MinPreWaves)
        {
            Both(me, InconclusiveReason.TooFewPreWaves, [], preCount, median, new EffectShortfall(PreWaves: settings.MinPreWaves - preCount)).CopyTo(effects, 2 * index);
            return;
        }

        var window = PostWaves.Find(panel, interventions, starts, index, settings);
        if (window.ConfoundedWith is not null || window.Waves.Length == 0)
        {
            var confounded = window.ConfoundedWith is not null || window.StoppedBy is not null;
            Both(me, confounded ? InconclusiveReason.Confounded : InconclusiveReason.NoPostWave, [], preCount, median, confounded ? EffectShortfall.None : new EffectShortfall(MoreWaves: 1))
                .CopyTo(effects, 2 * index);
            return;
        }

        var postWaves = window.Waves.Select(t => panel.Waves[t]).ToArray();
        // Later published waves extend the estimate only up to the window's length, and never past a later intervention.
        var wavesLeft = window.StoppedBy is null ? Math.Max(0, settings.MaxPostWaves - window.Waves.Length) : 0;
        for (var c = 0; c < Constructs.Count; c++)
        {
            queries.Add(new EffectQuery(2 * index + c, me, unit, pre!, window.Waves, postWaves, c, median, wavesLeft));
        }
    }

    private static InterventionEffect EstimateConstruct(EffectContext context, EffectQuery query, PlaceboSet placebos)
    {
        var panel = context.Panel;
        var settings = context.Settings;
        var (me, unit, pre, post, c) = (query.Intervention, query.Unit, query.Pre, query.Post, query.C);
        var construct = Constructs[c];
        var variance = post.Select(t => panel.V[c][panel.Cell(unit, t)]).ToArray();
        var observed = post.Average(t => panel.D[c][panel.Cell(unit, t)]);
        var beforeAfter = post.Average(t => panel.Y[c][panel.Cell(unit, t)]) - pre.RawMean[c];
        var bare = new InterventionEffect(me, construct, query.PostWaves, pre.Waves.Length, null, null, null, EffectVerdict.Inconclusive, InconclusiveReason.None)
        {
            BeforeAfter = beforeAfter,
            ComparisonUnits = placebos.ComparisonUnits,
            Placebos = placebos.Count,
            MedianRespondents = query.Median,
        };
        if (placebos.Count < settings.MinPlacebos || placebos.ComparisonUnits < settings.MinComparisonUnits)
        {
            return bare with
            {
                Reason = InconclusiveReason.TooFewComparisons,
                Missing = new EffectShortfall(ComparisonUnits: Math.Max(0, settings.MinComparisonUnits - placebos.ComparisonUnits), ComparisonWindows: Math.Max(0, settings.MinPlacebos - placebos.Count)),
            };
        }

        var (prediction, var) = pre.Predict(context.Models[c], c, post, variance);
        var sigma = Math.Sqrt(var);
        if (pre.Flag[c] >= settings.GuardFrom && placebos.UntreatedWithin(pre.Flag[c], settings.GuardCaliper) is var comparable && comparable < settings.MinComparable)
        {
            return bare with { Reason = InconclusiveReason.NoComparableChange, Missing = new EffectShortfall(ComparisonWindows: settings.MinComparable - comparable) };
        }

        var nb = NeighbourCorrection.Apply(placebos, WindowFeatures.Of(pre, c, sigma), settings);
        var estimate = observed - prediction - nb.Correction * sigma;
        var (low, high) = (estimate - nb.High * sigma, estimate - nb.Low * sigma);
        var effect = bare with
        {
            ObservedDeviation = observed,
            CounterfactualDeviation = prediction + nb.Correction * sigma,
            StandardError = sigma * Math.Sqrt(nb.Sd * nb.Sd + nb.CorrectionSe * nb.CorrectionSe),
            CorrectionError = sigma * nb.CorrectionSe,
        };
        if (high - low > settings.MaxInformativeWidth)
        {
            // The width taken as shrinking with the square root of the post waves used.
            var more = (int)Math.Ceiling(post.Length * Math.Pow((high - low) / settings.MaxInformativeWidth, 2) - post.Length);
            more = Math.Max(1, more);
            return effect with { Reason = InconclusiveReason.TooWide, Missing = new EffectShortfall(MoreWaves: more <= query.WavesLeft ? more : 0) };
        }

        return effect with { Estimate = estimate, CiLow = low, CiHigh = high, Verdict = EffectWords.Verdict(construct, low, high) };
    }

    private static InterventionEffect[] Both(PlannedIntervention me, InconclusiveReason reason, string[] post, int pre, double median, EffectShortfall missing) =>
        [.. Constructs.Select(c => new InterventionEffect(me, c, post, pre, null, null, null, EffectVerdict.Inconclusive, reason) { MedianRespondents = median, Missing = missing })];

    private static double MedianRespondents(EffectPanel panel, int unit)
    {
        var n = Enumerable.Range(0, panel.W).Select(t => panel.N[panel.Cell(unit, t)]).Where(x => x > 0).Order().ToArray();
        return n.Length == 0 ? 0 : n.Length % 2 == 1 ? n[n.Length / 2] : (n[n.Length / 2 - 1] + n[n.Length / 2]) / 2.0;
    }
}
