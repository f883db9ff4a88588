namespace PulsePipeline.Models.Detection.Features;

/// <summary>
/// The fixed choices that shape the features. A model is trained for one version of them; loading a model made for
/// another version is refused, because its scores would mean something else.
/// </summary>
internal static class FeatureSpec
{
    public const int Version = 1;

    /// <summary>Earlier published waves a unit's own history uses: long enough to be stable, short enough to follow slow drift.</summary>
    public const int HistoryWindow = 6;

    /// <summary>Earlier published waves a unit needs before it is judged at all.</summary>
    public const int MinHistoryWaves = 2;

    /// <summary>Units needed to estimate an organisation-wide change; with fewer, no change is taken out.</summary>
    public const int MinUnitsForOrganisation = 5;

    /// <summary>Waves of residuals pooled to estimate the between-wave variance of true unit levels.</summary>
    public const int ResidualPoolWaves = 6;

    /// <summary>
    /// Pseudo-respondents of the pooled SD mixed into a unit's own SD. A unit of 3 can report an SD of 0 by chance;
    /// trusting it would make its change look certain.
    /// </summary>
    public const double PooledSdWeight = 10;

    /// <summary>Respondent variance assumed before any wave has been seen (an SD of 0.8 on the 1–5 scale).</summary>
    public const double DefaultRespondentVariance = 0.64;

    /// <summary>Between-wave variance of true levels assumed until enough residuals exist to estimate it.</summary>
    public const double InitialExcessVariance = 0.0025;

    public static readonly IReadOnlyList<string> Names = ["max_z", "max_z_squared", "log2_n", "response_rate_change", "history_waves"];

    /// <summary>The number of features; a constant because the model's input schema needs it at compile time.</summary>
    public const int Count = 5;
}
