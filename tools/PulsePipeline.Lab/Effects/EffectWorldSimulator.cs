using System.Globalization;
using PulsePipeline.Lab.Detection;
using PulsePipeline.Models.Detection;
using PulsePipeline.Models.Effects;

namespace PulsePipeline.Lab.Effects;

/// <summary>
/// Draws a world for the effect evaluation: units that drift, adverse shifts that partly fade, an org-wide change,
/// respondents drawn one by one (so n, means, SDs and suppression behave as publication would), a flag rule on the
/// published figures, and IPIM starting interventions 1–3 waves after most first flags, a few again after a later flag,
/// a few without a flag and a few before the history begins. Every draw comes from one seeded source.
/// </summary>
public static class EffectWorldSimulator
{
    internal static readonly double[] Level = [2.3, 3.3];

    /// <summary>Correlation of a unit's stable pressure and speak-up offsets (more pressure goes with less speak-up safety).</summary>
    internal const double OffsetCorrelation = -0.5;
    /// <summary>A shift's size (exponential with the settings' mean) is at least this; the settings' MaxShiftSize caps it.</summary>
    internal const double MinShiftSize = 0.1;
    private const double FlagExcessVariance = 0.01;
    private const int FlagHistory = 6;

    public static EffectWorld Simulate(EffectWorldSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var random = new SimulationRandom(settings.Seed);
        var respondents = RespondentModel.Of(settings);
        var waves = Enumerable.Range(0, settings.Waves).Select(HistorySimulator.WaveId).ToList();
        var units = Enumerable.Range(0, settings.Units).Select(u => NewUnit(u, settings, random)).ToList();
        var interventions = new List<SimulatedIntervention>();
        foreach (var u in Pick(settings.Units, settings.BeforeHistory, random))
        {
            Start(units[u], u, -2, false, settings, random, interventions);
        }

        var rows = new List<HistoryRow>();
        for (var t = 0; t < settings.Waves; t++)
        {
            var wave = new List<(int Unit, HistoryRow Row)>();
            for (var u = 0; u < units.Count; u++)
            {
                var unit = units[u];
                if (unit.ScheduledStart == t || (unit.UnflaggedWave == t && unit.Interventions.Count == 0 && unit.ScheduledStart is null))
                {
                    Start(unit, u, t, unit.ScheduledStart == t, settings, random, interventions);
                    unit.ScheduledStart = null;
                }

                var row = Draw(unit, t, waves[t], settings, respondents, random);
                rows.Add(row);
                if (row.IsPublished)
                {
                    wave.Add((u, row));
                }
            }

            Flag(units, wave, t, settings, random);
        }

        return new EffectWorld(settings, waves, rows, interventions);
    }

    private static SimulatedUnit NewUnit(int index, EffectWorldSettings s, SimulationRandom random)
    {
        var staff = (int)Math.Clamp(Math.Round(s.MedianStaff * Math.Exp(s.StaffLogSd * random.Normal())), s.MinStaff, s.MaxStaff);
        var a = random.Normal();
        var b = random.Normal();
        var unit = new SimulatedUnit("u" + (index + 1).ToString("D4", CultureInfo.InvariantCulture), staff, random.Uniform(s.MinResponseRate, s.MaxResponseRate), s.OffsetSd * a, s.OffsetSd * (OffsetCorrelation * a + Math.Sqrt(1 - OffsetCorrelation * OffsetCorrelation) * b));
        if (random.Uniform() < s.UnflaggedShare)
        {
            unit.UnflaggedWave = random.Next(Math.Max(4, s.FirstTreatmentWave), s.Waves);
        }

        return unit;
    }

    private static HistoryRow Draw(SimulatedUnit unit, int t, string wave, EffectWorldSettings s, RespondentModel respondents, SimulationRandom random)
    {
        var latent = new double[2];
        for (var c = 0; c < 2; c++)
        {
            unit.Drift[c] = s.DriftPersistence * unit.Drift[c] + s.DriftSd * random.Normal();
            var organisation = t >= s.EffectiveOrganisationWave ? (c == 0 ? s.OrganisationChange : -s.OrganisationChange) : 0;
            var level = Level[c] + unit.Offset[c] + unit.Drift[c] + organisation + unit.ShiftAt(c, t, s.FadePerWave);
            var effect = unit.EffectAt(c, t);
            latent[c] = level + respondents.LatentShift(c, level, effect);
        }

        if (random.Uniform() < s.ShiftHazard)
        {
            var mean = s.LargeShiftShare > 0 && random.Uniform() < s.LargeShiftShare ? s.MeanShiftSize * s.LargeShiftScale : s.MeanShiftSize;
            var size = Math.Clamp(-mean * Math.Log(1 - random.Uniform()), MinShiftSize, s.MaxShiftSize);
            var target = random.Next(0, 3);
            unit.Shifts.Add((t + 1, target != 1 ? size : 0, target != 0 ? -size : 0, random.Uniform(s.MinPermanentShare, s.MaxPermanentShare)));
        }

        var rate = Math.Clamp(unit.ResponseRate + s.ResponseRateSd * random.Normal(), 0.05, 0.98);
        var n = random.Binomial(unit.Staff, rate);
        if (n < s.SuppressBelow)
        {
            return HistoryRow.Suppressed(wave, unit.Id, unit.Staff);
        }

        var sample = new RespondentSample(n);
        var (ordinary, extreme) = respondents.Scales;
        for (var i = 0; i < n; i++)
        {
            var z1 = random.Normal();
            var z2 = RespondentModel.Correlation * z1 + Math.Sqrt(1 - RespondentModel.Correlation * RespondentModel.Correlation) * random.Normal();
            var scale = respondents.ExtremeShare > 0 && random.Uniform() < respondents.ExtremeShare ? extreme : ordinary;
            sample.Add(Score(latent[0] + RespondentModel.Sd[0] * scale * z1), Score(latent[1] + RespondentModel.Sd[1] * scale * z2));
        }

        return new HistoryRow(wave, unit.Id, n, unit.Staff, sample.PressureMean, sample.PressureSd, sample.SpeakUpMean, sample.SpeakUpSd);
    }

    /// <summary>
    /// The simulator's flag rule (not the pipeline's detector): this wave's deviation from the wave mean against the
    /// unit's last published deviations, pressure up or speak-up down by at least FlagZ standard errors.
    /// </summary>
    private static void Flag(List<SimulatedUnit> units, List<(int Unit, HistoryRow Row)> wave, int t, EffectWorldSettings s, SimulationRandom random)
    {
        if (wave.Count == 0)
        {
            return;
        }

        var mp = wave.Average(w => w.Row.PressureMean!.Value);
        var ms = wave.Average(w => w.Row.SpeakUpMean!.Value);
        foreach (var (u, row) in wave)
        {
            var unit = units[u];
            var current = (row.PressureMean!.Value - mp, row.SpeakUpMean!.Value - ms, Variance(row.PressureSd!.Value, row.N!.Value), Variance(row.SpeakUpSd!.Value, row.N!.Value));
            var history = unit.Published.TakeLast(FlagHistory).ToList();
            unit.Published.Add(current);
            if (history.Count < 3)
            {
                continue;
            }

            var k = history.Count;
            var zp = (current.Item1 - history.Average(h => h.Pressure)) / Math.Sqrt(current.Item3 + history.Sum(h => h.PressureVariance) / (k * k) + FlagExcessVariance);
            var zs = (current.Item2 - history.Average(h => h.SpeakUp)) / Math.Sqrt(current.Item4 + history.Sum(h => h.SpeakUpVariance) / (k * k) + FlagExcessVariance);
            // IPIM acts on flags from the wave before its first start on.
            if (zp < s.FlagZ && zs > -s.FlagZ || unit.ScheduledStart is not null || t + 1 < s.FirstTreatmentWave)
            {
                continue;
            }

            if (!unit.Decided)
            {
                unit.Decided = true;
                if (unit.Interventions.Count == 0 && random.Uniform() < s.TreatFlagged)
                {
                    unit.ScheduledStart = t + random.Next(1, s.MaxTreatmentDelay + 1);
                }
            }
            else if (!unit.DecidedAgain && unit.Interventions.Count == 1 && t >= unit.Interventions[0].StartIndex + 4)
            {
                unit.DecidedAgain = true;
                if (random.Uniform() < s.TreatAgain)
                {
                    unit.ScheduledStart = t + random.Next(1, s.MaxTreatmentDelay + 1);
                }
            }
        }
    }

    private static void Start(SimulatedUnit unit, int index, int start, bool afterFlag, EffectWorldSettings s, SimulationRandom random, List<SimulatedIntervention> all)
    {
        var truth = s.Types[random.Next(0, s.Types.Count)];
        var planned = new PlannedIntervention("i" + (all.Count + 1).ToString("D4", CultureInfo.InvariantCulture), unit.Id, truth.Type, HistorySimulator.WaveId(start));
        var intervention = new SimulatedIntervention(planned, index, start, truth, afterFlag);
        unit.Interventions.Add(intervention);
        all.Add(intervention);
    }

    private static IEnumerable<int> Pick(int count, int take, SimulationRandom random)
    {
        var order = Enumerable.Range(0, count).ToList();
        random.Shuffle(order);
        return order.Take(take);
    }

    private static double Variance(double sd, int n) => Math.Max(sd * sd, 0.3) / n;

    internal static double Score(double latent) => Math.Round(Math.Clamp(latent, 1, 5) * 4, MidpointRounding.AwayFromZero) / 4;
}
