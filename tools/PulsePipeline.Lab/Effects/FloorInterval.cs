namespace PulsePipeline.Lab.Effects;

/// <summary>The 95% interval of an effect from <see cref="BayesFloor"/>: observed post mean deviation minus its predictive quantiles.</summary>
public sealed record FloorInterval(double Low, double High)
{
    public double Width => High - Low;

    public bool Holds(double truth) => Low <= truth && truth <= High;

    public bool ExcludesZero => Low > 0 || High < 0;
}
