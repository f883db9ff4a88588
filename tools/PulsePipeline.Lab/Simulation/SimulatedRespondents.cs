using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Lab.Simulation;

/// <summary>
/// Simulated answers calibrated to the 2018 central-government panel: with a neutral climate, 11.5% agree they
/// were pressured (each pressure item), 23.9% hold back from reporting (s5), 25.7% say their manager tolerates
/// little contradiction (s2), 11.9% find raising issues discouraged (s3 disagree), 71.1% see clear values and
/// norms (n1). A unit's climate tilts every item towards the adverse end (positive) or the favourable end
/// (negative); each respondent varies around their unit's climate.
/// </summary>
public static class SimulatedRespondents
{
    /// <summary>SD of a respondent's own climate around the unit's.</summary>
    private const double RespondentSpread = 0.5;

    private const int ExpectationGrid = 200;

    /// <summary>Baseline shares of answers 1..5 per item at a neutral climate.</summary>
    private static readonly Dictionary<string, double[]> Baseline = new(StringComparer.Ordinal)
    {
        ["p1"] = [0.42, 0.33, 0.135, 0.08, 0.035],
        ["p2"] = [0.42, 0.33, 0.135, 0.08, 0.035],
        ["p3"] = [0.42, 0.33, 0.135, 0.08, 0.035],
        ["p4"] = [0.42, 0.33, 0.135, 0.08, 0.035],
        ["p5"] = [0.42, 0.33, 0.135, 0.08, 0.035],
        ["p6"] = [0.42, 0.33, 0.135, 0.08, 0.035],
        ["s1"] = [0.07, 0.14, 0.19, 0.38, 0.22],
        ["s2"] = [0.22, 0.33, 0.193, 0.177, 0.08],
        ["s3"] = [0.04, 0.079, 0.35, 0.38, 0.151],
        ["s4"] = [0.05, 0.12, 0.13, 0.45, 0.25],
        ["s5"] = [0.25, 0.33, 0.181, 0.164, 0.075],
        ["n1"] = [0.03, 0.07, 0.189, 0.48, 0.231],
        ["n2"] = [0.06, 0.16, 0.28, 0.37, 0.13],
    };

    /// <summary>Items on which agreeing is the adverse answer.</summary>
    private static readonly HashSet<string> AdverseWhenHigh = new(StringComparer.Ordinal) { "p1", "p2", "p3", "p4", "p5", "p6", "s2", "s5" };

    public static IReadOnlyDictionary<string, int> Answer(SurveyInstrument instrument, double unitClimate, Random random) =>
        Answer(instrument, unitClimate, unitClimate, random);

    /// <summary>Answers with separate climates for pressure and for speak-up safety (norms follow their average).</summary>
    public static IReadOnlyDictionary<string, int> Answer(SurveyInstrument instrument, double pressureClimate, double speakUpClimate, Random random)
    {
        // Each respondent's own climate scatters around the unit's.
        var own = RespondentSpread * Gaussian(random);
        return instrument.Items.ToDictionary(i => i.Id, i => Draw(Tilted(i.Id, own + ClimateOf(i.Construct, pressureClimate, speakUpClimate)), random), StringComparer.Ordinal);
    }

    /// <summary>
    /// The mean construct score (1–5, reverse coding applied) that respondents of a unit with these climates give in
    /// expectation: what <see cref="Answer(SurveyInstrument, double, double, Random)"/> averages to over many
    /// respondents. The climates tilt answers non-linearly, so this is how a climate step is told in scale points.
    /// </summary>
    public static double ExpectedScore(SurveyInstrument instrument, Construct construct, double pressureClimate, double speakUpClimate)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        var items = instrument.ItemsOf(construct).ToList();
        var climate = ClimateOf(construct, pressureClimate, speakUpClimate);
        double total = 0, weights = 0;

        // The respondents' own scatter integrated out on a grid over ±5 SD of the normal: exact to about 1e-6.
        for (var k = -ExpectationGrid; k <= ExpectationGrid; k++)
        {
            var z = 5.0 * k / ExpectationGrid;
            var weight = Math.Exp(-z * z / 2);
            total += weight * items.Average(i => Tilted(i.Id, (RespondentSpread * z) + climate).Select((share, a) => share * i.Scored(a + SurveyItem.MinAnswer)).Sum());
            weights += weight;
        }

        return total / weights;
    }

    private static double ClimateOf(Construct construct, double pressureClimate, double speakUpClimate) => construct switch
    {
        Construct.Pressure => pressureClimate,
        Construct.SpeakUp => speakUpClimate,
        _ => (pressureClimate + speakUpClimate) / 2,
    };

    /// <summary>The baseline tilted towards the adverse end by <paramref name="climate"/> (exponential tilting).</summary>
    internal static double[] Tilted(string item, double climate)
    {
        var baseline = Baseline[item];
        var direction = AdverseWhenHigh.Contains(item) ? 1.0 : -1.0;
        var weights = baseline.Select((p, i) => p * Math.Exp(direction * climate * (i - 2))).ToArray();
        var total = weights.Sum();
        return weights.Select(w => w / total).ToArray();
    }

    private static int Draw(double[] shares, Random random)
    {
        var u = random.NextDouble();
        for (var i = 0; i < shares.Length; i++)
        {
            u -= shares[i];
            if (u < 0)
            {
                return i + 1;
            }
        }

        return shares.Length;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
