namespace PulsePipeline.Models.Effects;

/// <summary>
/// Least squares of the neighbours' standardised errors on their offsets from the treated history (jump and flag indices
/// of both constructs, log σ̂): the intercept is the correction at the treated history itself. A flag is an extreme move,
/// so most neighbours have smaller ones; their plain mean would miss how much more of a larger move persists.
/// </summary>
internal static class LocalFit
{
    private const int Features = 5;

    /// <param name="Inflation">The variance of the intercept against that of a plain mean of the same errors (at least 1).</param>
    public readonly record struct Fit(double Correction, double[] Residuals, double Inflation);

    public static Fit At(PlaceboSet placebos, int[] chosen, double[] errors, WindowFeatures query)
    {
        const int p = Features + 1;
        var k = chosen.Length;
        var xtx = new double[p * p];
        var xty = new double[p];
        var x = new double[k * p];
        for (var i = 0; i < k; i++)
        {
            Offsets(placebos, chosen[i], query, x.AsSpan(i * p, p));
            for (var a = 0; a < p; a++)
            {
                xty[a] += x[i * p + a] * errors[i];
                for (var b = 0; b < p; b++)
                {
                    xtx[a * p + b] += x[i * p + a] * x[i * p + b];
                }
            }
        }

        for (var a = 1; a < p; a++)
        {
            xtx[a * p + a] += 1e-6 * k; // a whisker of ridge keeps a degenerate neighbourhood solvable
        }

        var factor = SmallCholesky.Factor(xtx, p);
        var beta = SmallCholesky.Solve(factor, xty);
        var residuals = new double[k];
        for (var i = 0; i < k; i++)
        {
            double fit = 0;
            for (var a = 0; a < p; a++)
            {
                fit += x[i * p + a] * beta[a];
            }

            residuals[i] = errors[i] - fit;
        }

        var unit = new double[p];
        unit[0] = 1;
        return new Fit(beta[0], residuals, Math.Max(1, SmallCholesky.Solve(factor, unit)[0] * k));
    }

    private static void Offsets(PlaceboSet placebos, int i, WindowFeatures query, Span<double> row)
    {
        row[0] = 1;
        row[1] = placebos.Jump[i] - query.Jump;
        row[2] = placebos.OtherJump[i] - query.OtherJump;
        row[3] = placebos.LogSigma[i] - query.LogSigma;
        row[4] = placebos.Flag[i] - query.Flag;
        row[5] = placebos.OtherFlag[i] - query.OtherFlag;
    }
}
