using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Interventions;

namespace PulsePipeline.Models.Effects;

/// <summary>
/// Pools one type's conclusive unit estimates per construct: precision weights 1/(SE² + τ²) with the DerSimonian–Laird
/// between-unit variance τ², and a Hartung–Knapp interval (t with k−1 degrees of freedom, never narrower than the plain
/// random-effects one), so a few heterogeneous units still get an honest interval. The selection-correction error is
/// shared by units with similar histories, so its mean is added in full rather than averaged away. A type outside the
/// catalogue (another registry's export, an auditor's own label) is pooled under its own id, after the catalogue's.
/// </summary>
internal static class EffectPooling
{
    /// <summary>
    /// Units with a conclusive estimate needed before a pooled effect says anything about the type in general. A type's
    /// effect differs between units, and that spread has to be estimated from the units themselves: with fewer than five
    /// the DerSimonian–Laird spread is mostly zero or wild, and the t quantile of the interval (k − 1 degrees of freedom:
    /// 12.7 for two units, 4.3 for three, 3.2 for four, 2.8 for five) makes an interval of a few units span most of the
    /// scale, so that a "no clear change" would only say the units were few. Below it the pooled effect is inconclusive
    /// with how many more units it would take.
    /// </summary>
    public const int MinUnits = 5;

    public static IReadOnlyList<PooledEffect> Pool(IReadOnlyList<InterventionEffect> effects)
    {
        var pooled = new List<PooledEffect>();
        var catalogue = InterventionTypes.All.Select(t => t.Id).ToList();
        var others = effects.Select(e => e.Intervention.Type).Where(t => !InterventionTypes.IsKnown(t)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var type in catalogue.Concat(others))
        {
            foreach (var construct in EffectEstimator.Constructs)
            {
                var ofType = effects.Where(e => e.Intervention.Type == type && e.Construct == construct).ToList();
                if (ofType.Count > 0)
                {
                    pooled.Add(PoolOne(type, construct, ofType));
                }
            }
        }

        return pooled;
    }

    private static PooledEffect PoolOne(string type, Construct construct, List<InterventionEffect> effects)
    {
        var usable = effects.Where(e => e.Estimate is not null && e.StandardError is > 0).ToList();
        var inconclusive = effects.Count - usable.Count;
        if (usable.Count < MinUnits)
        {
            return new PooledEffect(type, construct, usable.Count, null, null, null, EffectVerdict.Inconclusive)
            {
                Inconclusive = inconclusive,
                Reason = InconclusiveReason.TooFewUnits,
                Missing = new EffectShortfall(Units: MinUnits - usable.Count),
            };
        }

        var y = usable.Select(e => e.Estimate!.Value).ToArray();
        var v = usable.Select(e => e.StandardError!.Value * e.StandardError!.Value).ToArray();
        var k = y.Length;
        var w = v.Select(x => 1 / x).ToArray();
        var fixedMean = Dot(w, y) / w.Sum();
        var q = Enumerable.Range(0, k).Sum(i => w[i] * Sq(y[i] - fixedMean));
        var denominator = w.Sum() - w.Sum(x => x * x) / w.Sum();
        var tau2 = denominator > 0 ? Math.Max(0, (q - (k - 1)) / denominator) : 0;
        var wr = v.Select(x => 1 / (x + tau2)).ToArray();
        var mean = Dot(wr, y) / wr.Sum();
        var hk = Enumerable.Range(0, k).Sum(i => wr[i] * Sq(y[i] - mean)) / (k - 1);
        var shared = Dot(wr, usable.Select(e => e.CorrectionError ?? 0).ToArray()) / wr.Sum();
        var variance = Math.Max(1, hk) / wr.Sum() + shared * shared;
        var half = StudentT.Quantile975(k - 1) * Math.Sqrt(variance);
        var (low, high) = (mean - half, mean + half);
        var verdict = EffectWords.Verdict(construct, low, high);
        return new PooledEffect(type, construct, k, mean, low, high, verdict)
        {
            BetweenUnitSd = Math.Sqrt(tau2),
            Inconclusive = inconclusive,
        };
    }

    private static double Dot(double[] a, double[] b) => a.Select((x, i) => x * b[i]).Sum();

    private static double Sq(double x) => x * x;
}
