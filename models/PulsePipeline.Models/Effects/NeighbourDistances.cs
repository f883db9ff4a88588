using System.Runtime.Intrinsics;

namespace PulsePipeline.Models.Effects;

/// <summary>
/// The squared scaled distance of every placebo window to a treated window, over the features of
/// <see cref="WindowFeatures"/> with the settings' scales. Every treated window reads every window of its set, so the
/// columns are read four at a time; each lane does the scalar loop's operations in the same order (no fused
/// multiply-add), so the distances are the same doubles either way.
/// </summary>
internal static class NeighbourDistances
{
    /// <summary>The distances, in <see cref="PlaceboSet.Distances"/> (valid until the set's next query).</summary>
    public static ReadOnlySpan<double> Of(PlaceboSet placebos, WindowFeatures query, EffectSettings s)
    {
        var n = placebos.Count;
        var distance = placebos.Distances;
        var jumps = placebos.Jump;
        var otherJumps = placebos.OtherJump;
        var logSigmas = placebos.LogSigma;
        var flagColumn = placebos.Flag;
        var otherFlagColumn = placebos.OtherFlag;
        var (otherScale, flagScale, otherFlagScale) = (s.OtherJumpScale, s.FlagScale, s.FlagScale * s.OtherJumpScale);
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var (jump, otherJump, logSigma, flag, otherFlag) = (Vector256.Create(query.Jump), Vector256.Create(query.OtherJump), Vector256.Create(query.LogSigma), Vector256.Create(query.Flag), Vector256.Create(query.OtherFlag));
            var (other, size, flags, otherFlags) = (Vector256.Create(otherScale), Vector256.Create(s.SizeScale), Vector256.Create(flagScale), Vector256.Create(otherFlagScale));
            for (; i + Vector256<double>.Count <= n; i += Vector256<double>.Count)
            {
                var d = Sq(Vector256.Create(jumps[i..]) - jump)
                    + Sq((Vector256.Create(otherJumps[i..]) - otherJump) / other)
                    + Sq((Vector256.Create(logSigmas[i..]) - logSigma) / size)
                    + Sq((Vector256.Create(flagColumn[i..]) - flag) / flags)
                    + Sq((Vector256.Create(otherFlagColumn[i..]) - otherFlag) / otherFlags);
                d.CopyTo(distance[i..]);
            }
        }

        for (; i < n; i++)
        {
            distance[i] = Sq(jumps[i] - query.Jump) + Sq((otherJumps[i] - query.OtherJump) / otherScale) + Sq((logSigmas[i] - query.LogSigma) / s.SizeScale)
                + Sq((flagColumn[i] - query.Flag) / flagScale) + Sq((otherFlagColumn[i] - query.OtherFlag) / otherFlagScale);
        }

        return distance;
    }

    private static double Sq(double x) => x * x;

    private static Vector256<double> Sq(Vector256<double> x) => x * x;
}
