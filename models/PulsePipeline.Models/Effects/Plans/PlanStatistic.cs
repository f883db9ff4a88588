namespace PulsePipeline.Models.Effects.Plans;

/// <summary>
/// The plan's statistic for any assignment of its members to cohorts, on one construct: for each wave of the window,
/// each started member's change from its baseline minus the mean change of the members not yet started (so the
/// organisation-wide change and whatever else moves all members alike cancel); each member's mean over its waves;
/// the mean over members. It is linear in the outcomes, so it is computed at once on the outcomes (A) and on the
/// observed assignment's treatment indicator (B): under a constant effect τ0 the re-drawn statistic is A − τ0·B.
/// </summary>
internal sealed class PlanStatistic(double[] delta, int members, int waves, int[] cohortStart, int[] observedCohort)
{
    public int Members => members;

    public int Waves => waves;

    /// <summary>Change from the baseline of member m at window wave t (NaN where unpublished or without a baseline).</summary>
    public double Delta(int m, int t) => delta[m * waves + t];

    /// <summary>The statistic for <paramref name="cohortOf"/> on the outcomes (A) and on the observed treatment (B).</summary>
    public (double A, double B, int Counted) Compute(int[] cohortOf, Span<int> waveCount, Span<double> sumA, Span<double> sumB)
    {
        waveCount.Clear();
        sumA.Clear();
        sumB.Clear();
        for (var t = 0; t < waves; t++)
        {
            double controlA = 0, controlB = 0;
            var controls = 0;
            for (var m = 0; m < members; m++)
            {
                var d = delta[m * waves + t];
                if (cohortStart[cohortOf[m]] > t && !double.IsNaN(d))
                {
                    controlA += d;
                    controlB += Treated(m, t);
                    controls++;
                }
            }

            if (controls == 0)
            {
                continue;
            }

            controlA /= controls;
            controlB /= controls;
            for (var m = 0; m < members; m++)
            {
                var d = delta[m * waves + t];
                if (cohortStart[cohortOf[m]] <= t && !double.IsNaN(d))
                {
                    sumA[m] += d - controlA;
                    sumB[m] += Treated(m, t) - controlB;
                    waveCount[m]++;
                }
            }
        }

        double a = 0, b = 0;
        var counted = 0;
        for (var m = 0; m < members; m++)
        {
            if (waveCount[m] > 0)
            {
                a += sumA[m] / waveCount[m];
                b += sumB[m] / waveCount[m];
                counted++;
            }
        }

        return counted == 0 ? (double.NaN, double.NaN, 0) : (a / counted, b / counted, counted);
    }

    /// <summary>Per member, the window waves its own mean was taken over under <paramref name="cohortOf"/> (empty: not counted).</summary>
    public IReadOnlyList<int>[] UsedWaves(int[] cohortOf)
    {
        var used = Enumerable.Range(0, members).Select(_ => new List<int>()).ToArray();
        for (var t = 0; t < waves; t++)
        {
            if (!Enumerable.Range(0, members).Any(m => cohortStart[cohortOf[m]] > t && !double.IsNaN(delta[m * waves + t])))
            {
                continue;
            }

            for (var m = 0; m < members; m++)
            {
                if (cohortStart[cohortOf[m]] <= t && !double.IsNaN(delta[m * waves + t]))
                {
                    used[m].Add(t);
                }
            }
        }

        return used;
    }

    private double Treated(int m, int t) => cohortStart[observedCohort[m]] <= t ? 1 : 0;
}
