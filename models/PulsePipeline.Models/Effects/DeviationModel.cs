using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Models.Effects;

/// <summary>
/// The fitted covariance of true deviations from the organisation-wide reference, per construct: cov(h) = A + B·ρ^h for
/// h ≥ 1 and A + B + C at h = 0 (A a stable unit offset, B and ρ a drift that fades, C wave-to-wave excess).
/// </summary>
public sealed record DeviationModel(Construct Construct, double A, double B, double Rho, double C, int Observations)
{
    private const int Tabled = 256;

    private readonly double[] table = Enumerable.Range(0, Tabled).Select(h => h == 0 ? A + B + C : A + B * Math.Pow(Rho, h)).ToArray();

    public double Covariance(int lag)
    {
        var h = Math.Abs(lag);
        return h < Tabled ? table[h] : A + B * Math.Pow(Rho, h);
    }
}
