namespace PulsePipeline.Models.Effects;

/// <summary>
/// Cholesky factorisation of the small (at most MaxPreWaves square) covariance matrices of a pre window, row-major, with
/// a floor on the pivots so a nearly singular window still solves.
/// </summary>
internal static class SmallCholesky
{
    public static double[] Factor(double[] k, int l)
    {
        var f = new double[l * l];
        for (var i = 0; i < l; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var s = k[i * l + j];
                for (var m = 0; m < j; m++)
                {
                    s -= f[i * l + m] * f[j * l + m];
                }

                f[i * l + j] = i == j ? Math.Sqrt(Math.Max(s, 1e-12)) : s / f[j * l + j];
            }
        }

        return f;
    }

    public static double[] Solve(double[] f, double[] b)
    {
        var l = b.Length;
        var z = Forward(f, b);
        var x = new double[l];
        for (var i = l - 1; i >= 0; i--)
        {
            var s = z[i];
            for (var m = i + 1; m < l; m++)
            {
                s -= f[m * l + i] * x[m];
            }

            x[i] = s / f[i * l + i];
        }

        return x;
    }

    /// <summary>L⁻¹c: the forward substitution through the Cholesky factor.</summary>
    public static double[] Forward(double[] f, double[] c)
    {
        var l = c.Length;
        var z = new double[l];
        for (var i = 0; i < l; i++)
        {
            var s = c[i];
            for (var m = 0; m < i; m++)
            {
                s -= f[i * l + m] * z[m];
            }

            z[i] = s / f[i * l + i];
        }

        return z;
    }

    /// <summary>cᵀK⁻¹c = |L⁻¹c|² through the Cholesky factor.</summary>
    public static double ForwardSquared(double[] f, ReadOnlySpan<double> c)
    {
        var l = c.Length;
        Span<double> z = stackalloc double[l];
        double sum = 0;
        for (var i = 0; i < l; i++)
        {
            var s = c[i];
            for (var m = 0; m < i; m++)
            {
                s -= f[i * l + m] * z[m];
            }

            z[i] = s / f[i * l + i];
            sum += z[i] * z[i];
        }

        return sum;
    }
}
