using System.Globalization;
using PulsePipeline.Models.Detection;
using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Lab.Detection;

/// <summary>
/// Draws a published history from a simulated organisation, respondent by respondent, so that means, SDs, n and
/// suppression behave as the real publication would. Levels are calibrated to the 2018 panel: a respondent's latent
/// pressure averages 2.3 and speak-up safety 3.3, so that about 11.5% agree with a single pressure item and about 23.9%
/// disagree that they would feel free to report (both measured on the waves before any change, and returned). Unit sizes are log-normal (median 40
/// staff) with response rates of 20–60%: most units have 5–25 respondents, a few over 80.
/// </summary>
public static class HistorySimulator
{
    /// <summary>Bumped whenever the simulated world changes, so a model names the world it was trained on.</summary>
    public const int Version = 1;

    private const double PressureLevel = 2.3, SpeakUpLevel = 3.3;
    private const double PressureUnitSd = 0.3, SpeakUpUnitSd = 0.35;
    private const double PressureRespondentSd = 0.75, SpeakUpRespondentSd = 0.85, RespondentCorrelation = -0.4;
    private const double ItemNoiseSd = 0.6;
    private const double DriftPersistence = 0.5, DriftSd = 0.06;
    private const double ParticipationDropFactor = 0.4;

    public static SimulatedHistory Simulate(SimulationSettings settings)
    {
        settings.Validate();
        var random = new SimulationRandom(settings.Seed);
        var waves = Enumerable.Range(0, settings.Waves).Select(WaveId).ToList();
        var plans = UnitPlanner.Plan(settings, random);
        var rows = new List<HistoryRow>();
        var drift = new double[plans.Count, 2];
        var calibration = new Calibration();

        // The 2018 rates describe an organisation before anything was planted: measure them on those waves only.
        var calibrationWaves = Math.Min(settings.FirstOnsetWave, settings.EffectiveOrganisationWave);
        for (var t = 0; t < settings.Waves; t++)
        {
            var organisation = t >= settings.EffectiveOrganisationWave ? 1.0 : 0.0;
            for (var u = 0; u < plans.Count; u++)
            {
                var plan = plans[u];
                drift[u, 0] = DriftPersistence * drift[u, 0] + DriftSd * random.Normal();
                drift[u, 1] = DriftPersistence * drift[u, 1] + DriftSd * random.Normal();
                if (t < plan.StartWave || random.Uniform() < settings.MissingRowFraction)
                {
                    continue;
                }

                var active = plan.Event is { } e && t >= e.OnsetWave;
                var rate = Math.Clamp(plan.ResponseRate + 0.04 * random.Normal(), 0.05, 0.95);
                if (active && plan.Event!.Kind == PlantedKind.ParticipationDrop)
                {
                    rate *= ParticipationDropFactor;
                }

                var n = random.Binomial(plan.Staff, rate);
                if (n < settings.SuppressBelow)
                {
                    rows.Add(HistoryRow.Suppressed(waves[t], plan.Id, plan.Staff));
                    continue;
                }

                var pLevel = PressureLevel + plan.PressureOffset + drift[u, 0] + organisation * settings.OrganisationPressureRise + (active ? plan.PressureShift : 0);
                var sLevel = SpeakUpLevel + plan.SpeakUpOffset + drift[u, 1] - organisation * settings.OrganisationSpeakUpFall + (active ? plan.SpeakUpShift : 0);
                var sample = Respondents(n, pLevel, sLevel, random, t < calibrationWaves ? calibration : null);
                rows.Add(new HistoryRow(waves[t], plan.Id, n, plan.Staff, sample.PressureMean, sample.PressureSd, sample.SpeakUpMean, sample.SpeakUpSd));
            }
        }

        var events = plans.Where(p => p.Event is not null).Select(p => p.Event!).ToList();
        var expectedN = plans.ToDictionary(p => p.Id, p => p.Staff * p.ResponseRate, StringComparer.Ordinal);
        return new SimulatedHistory(settings, waves, rows, events, expectedN, (double)calibration.Pressured / calibration.Respondents, (double)calibration.Inhibited / calibration.Respondents);
    }

    /// <summary>
    /// A unit-wave's <paramref name="n"/> respondents around its latent levels, each with one pressure and one speak-up
    /// item answered too; those items are counted into <paramref name="calibration"/> on the waves it is measured on.
    /// </summary>
    private static RespondentSample Respondents(int n, double pLevel, double sLevel, SimulationRandom random, Calibration? calibration)
    {
        var sample = new RespondentSample(n);
        for (var i = 0; i < n; i++)
        {
            var z1 = random.Normal();
            var z2 = RespondentCorrelation * z1 + Math.Sqrt(1 - RespondentCorrelation * RespondentCorrelation) * random.Normal();
            var p = pLevel + PressureRespondentSd * z1;
            var s = sLevel + SpeakUpRespondentSd * z2;
            sample.Add(Score(p), Score(s));
            var pItem = Item(p + ItemNoiseSd * random.Normal());
            var sItem = Item(s + ItemNoiseSd * random.Normal());
            if (calibration is not null)
            {
                calibration.Respondents++;
                calibration.Pressured += pItem >= 4 ? 1 : 0;
                calibration.Inhibited += sItem <= 2 ? 1 : 0;
            }
        }

        return sample;
    }

    /// <summary>Monthly wave ids from January 2024: they sort as text, as the contract requires.</summary>
    public static string WaveId(int index) =>
        new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(index).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>
    /// The latent change that moves a unit's expected (clamped) mean by <paramref name="observed"/> points: a planted
    /// shift of 0.3 is then 0.3 in the published mean even near the floor of the scale.
    /// </summary>
    internal static double LatentShift(double level, double respondentSd, double observed)
    {
        var baseMean = DetectionMath.ClampedNormalMean(level, respondentSd, 1, 5);
        double lo = 0, hi = 4 * Math.Abs(observed) + 1;
        for (var i = 0; i < 60; i++)
        {
            var mid = (lo + hi) / 2;
            var moved = Math.Abs(DetectionMath.ClampedNormalMean(level + Math.Sign(observed) * mid, respondentSd, 1, 5) - baseMean);
            (lo, hi) = moved < Math.Abs(observed) ? (mid, hi) : (lo, mid);
        }

        return Math.Sign(observed) * (lo + hi) / 2;
    }

    internal static (double Pressure, double SpeakUp) LatentShifts(double pressureOffset, double speakUpOffset, PlantedEvent e)
    {
        // Adverse is up for pressure and down for speak-up; an improvement is the other way.
        var sign = e.Kind == PlantedKind.Improvement ? -1 : 1;
        var p = e.Constructs.Contains(Construct.Pressure) ? LatentShift(PressureLevel + pressureOffset, PressureRespondentSd, sign * e.Size) : 0;
        var s = e.Constructs.Contains(Construct.SpeakUp) ? LatentShift(SpeakUpLevel + speakUpOffset, SpeakUpRespondentSd, -sign * e.Size) : 0;
        return (p, s);
    }

    internal static (double Pressure, double SpeakUp) DrawOffsets(SimulationRandom random)
    {
        var a = random.Normal();
        var b = random.Normal();
        return (PressureUnitSd * a, SpeakUpUnitSd * (-0.5 * a + Math.Sqrt(0.75) * b));
    }

    /// <summary>A respondent's construct score: the mean of four 1–5 items, so on the scale in steps of 0.25.</summary>
    private static double Score(double latent) => Math.Round(Math.Clamp(latent, 1, 5) * 4, MidpointRounding.AwayFromZero) / 4;

    private static int Item(double latent) => (int)Math.Clamp(Math.Round(latent, MidpointRounding.AwayFromZero), 1, 5);

    /// <summary>Respondents on the waves before anything was planted, and how many agreed with a pressure item or disagreed with a speak-up one.</summary>
    private sealed class Calibration
    {
        public long Respondents { get; set; }

        public long Pressured { get; set; }

        public long Inhibited { get; set; }
    }
}
