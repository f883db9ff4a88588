namespace PulsePipeline.Lab.Effects;

/// <summary>The mean estimate over zero-effect interventions of one construct, and what before/after says on the same rows.</summary>
public sealed record Bias(int Effects, double Estimate, double BeforeAfter)
{
    public static Bias Of(IEnumerable<EvaluatedEffect> zero)
    {
        var list = zero.ToList();
        return list.Count == 0
            ? new Bias(0, double.NaN, double.NaN)
            : new Bias(list.Count, list.Average(e => e.Effect.Estimate!.Value), list.Average(e => e.Effect.BeforeAfter!.Value));
    }
}
