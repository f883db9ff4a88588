namespace PulsePipeline.Models.Effects;

/// <summary>
/// What a window is matched on against the placebo windows (<see cref="PlaceboSet"/>): the jump and flag indices of both
/// constructs (<see cref="PreWindow"/>) and log σ̂. A treated window is a query of these features, with no error.
/// </summary>
internal readonly record struct WindowFeatures(double Jump, double OtherJump, double LogSigma, double Flag, double OtherFlag)
{
    public static WindowFeatures Of(PreWindow pre, int c, double sigma) => new(pre.Jump[c], pre.Jump[1 - c], Math.Log(sigma), pre.Flag[c], pre.Flag[1 - c]);
}
