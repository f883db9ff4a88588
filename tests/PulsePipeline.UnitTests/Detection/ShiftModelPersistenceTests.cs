using System.IO.Compression;
using PulsePipeline.Lab.Detection;
using PulsePipeline.Lab.Training;
using PulsePipeline.Models.Detection;

namespace PulsePipeline.UnitTests.Detection;

/// <summary>The model is stored as one zip with its version and training data, and reads back to the same verdicts.</summary>
[Collection(SharedShiftModel.Name)]
public sealed class ShiftModelPersistenceTests(ShiftModelFixture fixture)
{
    [Fact]
    public void SavedModel_LoadsWithVersionTrainingDataAndThreshold_AndGivesTheSameFlags()
    {
        using var stream = new MemoryStream();
        fixture.Model.Save(stream);
        stream.Position = 0;

        var loaded = ShiftModel.Load(stream);

        Assert.Equal(fixture.Model.Version, loaded.Version);
        Assert.Equal(fixture.Model.TrainingData, loaded.TrainingData);
        Assert.Equal(fixture.Model.Threshold, loaded.Threshold);
        Assert.Equal(ShiftModelTraining.Default.Version, loaded.Version);
        Assert.Contains("seed 11", loaded.TrainingData, StringComparison.Ordinal);
        var rows = HistorySimulator.Simulate(new SimulationSettings { Units = 40, Waves = 8, Seed = 3 }).Rows;
        var expected = ShiftDetector.Detect(rows, fixture.Model).Flags.Select(f => (f.Unit, f.Wave, f.Score, f.Flagged));
        var actual = ShiftDetector.Detect(rows, loaded).Flags.Select(f => (f.Unit, f.Wave, f.Score, f.Flagged));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void ModelForOtherFeatures_IsRefused()
    {
        using var stream = new MemoryStream();
        fixture.Model.Save(stream);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("model.json")!;
            string json;
            using (var reader = new StreamReader(entry.Open()))
            {
                json = reader.ReadToEnd();
            }

            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("model.json").Open());
            writer.Write(json.Replace("\"FeatureVersion\": 1", "\"FeatureVersion\": 99", StringComparison.Ordinal));
        }

        stream.Position = 0;
        var error = Assert.Throws<InvalidDataException>(() => ShiftModel.Load(stream));
        Assert.Contains("retrain", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NotAModel_IsRefused()
    {
        using var stream = new MemoryStream("not a zip"u8.ToArray());

        Assert.Throws<InvalidDataException>(() => ShiftModel.Load(stream));
    }
}
