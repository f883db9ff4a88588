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
        var effects = new List<InterventionEffect>(interventions.Count * 2);
        for (var i = 0; i < interventions.Count; i++)
        {
            effects.AddRange(EstimateOne(context, interventions, starts, i));
        }

        return new EffectReport(panel.W > 0 ? panel.Waves[^1] : asOfWave, panel.Waves, effects, EffectPooling.Pool(effects), context.Models);
    }

    private static IEnumerable<InterventionEffect> EstimateOne(EffectContext context, IReadOnlyList<PlannedIntervention> interventions, int[] starts, int index)
    {
        var panel = context.Panel;
        var settings = context.Settings;
        var me = interventions[index];
        var start = starts[index];
        if (panel.UnitIndex(me.Unit) is not { } unit || !Enumerable.Range(0, panel.W).Any(t => panel.Published(unit, t)))
        {
            return Both(me, InconclusiveReason.NoPublishedWave, [], 0, 0, EffectShortfall.None);
        }

        var median = MedianRespondents(panel, unit);
        var pre = context.Pre(unit, start);
        var preCount = pre?.Waves.Length ?? 0;
        if (preCount < settings.MinPreWaves)
        {
            return Both(me, InconclusiveReason.TooFewPreWaves, [], preCount, median, new EffectShortfall(PreWaves: settings.MinPreWaves - preCount));
        }

        var window = PostWaves.Find(panel, interventions, starts, index, settings);
        if (window.ConfoundedWith is not null)
        {
            return Both(me, InconclusiveReason.Confounded, [], preCount, median, EffectShortfall.None);
        }

        if (window.Waves.Length == 0)
        {
            return window.StoppedBy is not null
                ? Both(me, InconclusiveReason.Confounded, [], preCount, median, EffectShortfall.None)
                : Both(me, InconclusiveReason.NoPostWave, [], preCount, median, new EffectShortfall(MoreWaves: 1));
        }

        var postWaves = window.Waves.Select(t => panel.Waves[t]).ToArray();
        // Later published waves extend the estimate only up to the window's length, and never past a later intervention.
        var wavesLeft = window.StoppedBy is null ? Math.Max(0, settings.MaxPostWaves - window.Waves.Length) : 0;
        return Constructs.Select((construct, c) => EstimateConstruct(context, me, unit, pre!, window.Waves, postWaves, c, median, wavesLeft));
    }

    private static InterventionEffect EstimateConstruct(EffectContext context, PlannedIntervention me, int unit, PreWindow pre, int[] post, string[] postWaves, int c, double median, int wavesLeft)
    {
        var panel = context.Panel;
        var settings = context.Settings;
        var construct = Constructs[c];
        var horizons = post.Select(t => t - pre.Start).ToArray();
        var placebos = context.Placebos(horizons, c);
        var variance = post.Select(t => panel.V[c][panel.Cell(unit, t)]).ToArray();
        var observed = post.Average(t => panel.D[c][panel.Cell(unit, t)]);
        var beforeAfter = post.Average(t => panel.Y[c][panel.Cell(unit, t)]) - pre.RawMean[c];
        var bare = new InterventionEffect(me, construct, postWaves, pre.Waves.Length, null, null, null, EffectVerdict.Inconclusive, InconclusiveReason.None)
        {
            BeforeAfter = beforeAfter,
            ComparisonUnits = placebos.ComparisonUnits,
            Placebos = placebos.Items.Length,
            MedianRespondents = median,
        };
        if (placebos.Items.Length < settings.MinPlacebos || placebos.ComparisonUnits < settings.MinComparisonUnits)
        {
            return bare with
            {
                Reason = InconclusiveReason.TooFewComparisons,
                Missing = new EffectShortfall(ComparisonUnits: Math.Max(0, settings.MinComparisonUnits - placebos.ComparisonUnits), ComparisonWindows: Math.Max(0, settings.MinPlacebos - placebos.Items.Length)),
            };
        }

        var (prediction, var) = pre.Predict(context.Models[c], c, post, variance);
        var sigma = Math.Sqrt(var);
        if (pre.Flag[c] >= settings.GuardFrom && placebos.UntreatedWithin(pre.Flag[c], settings.GuardCaliper) is var comparable && comparable < settings.MinComparable)
        {
            return bare with { Reason = InconclusiveReason.NoComparableChange, Missing = new EffectShortfall(ComparisonWindows: settings.MinComparable - comparable) };
        }

        var nb = NeighbourCorrection.Apply(placebos.Items, Placebo.Query(unit, pre, c, sigma), settings);
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
            return effect with { Reason = InconclusiveReason.TooWide, Missing = new EffectShortfall(MoreWaves: more <= wavesLeft ? more : 0) };
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
