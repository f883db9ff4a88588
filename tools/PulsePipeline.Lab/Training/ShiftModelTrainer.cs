using Microsoft.ML;
using Microsoft.ML.Trainers;
using PulsePipeline.Lab.Detection;
using PulsePipeline.Models.Detection;
using PulsePipeline.Models.Detection.Features;

namespace PulsePipeline.Lab.Training;

/// <summary>Trains and calibrates a <see cref="ShiftModel"/> on simulated histories (`pulse train-model`).</summary>
internal static class ShiftModelTrainer
{
    public const string Algorithm = "LbfgsLogisticRegression";

    /// <summary>One thread: the same training gives the same weights.</summary>
    public const int Threads = 1;

    /// <summary>The model as it ships: the zip and the schema JSON that goes beside it.</summary>
    public static ShiftModelRelease Release(ShiftModelTraining training)
    {
        var model = Train(training);
        using var zip = new MemoryStream();
        model.Save(zip);
        var bytes = zip.ToArray();
        return new ShiftModelRelease(model, bytes, ShiftModelSchema.Describe(model, bytes, training.Seed, training.TrainerSettings));
    }

    public static ShiftModel Train(ShiftModelTraining training)
    {
        var history = HistorySimulator.Simulate(training.TrainingSimulation);
        var examples = Examples(history).ToList();
        var context = new MLContext(seed: training.Seed);
        var data = context.Data.LoadFromEnumerable(examples);
        var trainer = context.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            NumberOfThreads = Threads,
        });
        var transformer = trainer.Fit(data);
        var uncalibrated = new ShiftModel(transformer, data.Schema, training.Version, training.Description, double.NaN);
        var threshold = CalibrateThreshold(uncalibrated, HistorySimulator.Simulate(training.CalibrationSimulation), training.TargetFalseAlarmRate);
        return new ShiftModel(transformer, data.Schema, training.Version, training.Description, threshold);
    }

    /// <summary>
    /// Positive: the onset wave of an adverse shift and the wave after it. Negative: unchanged unit-waves and the same
    /// waves of improvements. Later waves of changed units are left out: whether they should be flagged is a matter of
    /// policy, not of truth.
    /// </summary>
    private static IEnumerable<ModelInput> Examples(SimulatedHistory history)
    {
        var truth = new GroundTruth(history);
        var table = FeatureBuilder.Build(history.Rows);
        foreach (var e in table.Evidence.Where(e => e.Status == UnitFlagStatus.Scored))
        {
            var kind = truth.Classify(table.Waves[e.WaveIndex], table.Units[e.UnitIndex]);
            if (kind != TruthKind.AfterChange)
            {
                yield return new ModelInput { Features = e.Features!, Label = kind == TruthKind.ShiftWindow };
            }
        }
    }

    private static double CalibrateThreshold(ShiftModel model, SimulatedHistory history, double falseAlarmRate)
    {
        var truth = new GroundTruth(history);
        var table = FeatureBuilder.Build(history.Rows);
        // Mature unit-waves only (a full history window): early waves lack two-wave and trend evidence and so raise
        // fewer alarms; averaging them in would let the waves production mostly sees run above the target.
        var unchanged = table.Evidence
            .Where(e => e.Status == UnitFlagStatus.Scored && e.HistoryWaves >= FeatureSpec.HistoryWindow)
            .Where(e => truth.Classify(table.Waves[e.WaveIndex], table.Units[e.UnitIndex]) == TruthKind.Unchanged)
            .ToList();
        var scores = model.Score(unchanged.Select(e => e.Features!).ToList());
        var guarded = unchanged.Select((e, i) => ShiftDetector.HasAdverseEvidence(e) ? scores[i] : double.NegativeInfinity).ToList();
        return Thresholds.ForFalseAlarmRate(guarded, falseAlarmRate);
    }
}
