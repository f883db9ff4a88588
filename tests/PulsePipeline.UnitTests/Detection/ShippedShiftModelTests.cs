using System.Text.Json.Nodes;
using PulsePipeline.Lab.Training;
using PulsePipeline.Models.Detection;
using PulsePipeline.Pipeline.Detection;

namespace PulsePipeline.UnitTests.Detection;

/// <summary>
/// The shift model both hosts ship with (models/shift-model, copied beside each host by the build): it is what
/// `pulse train-model` makes from the seed its schema names, and the start-up check both hosts run
/// (<see cref="ShiftModelFiles.Load"/>, <see cref="ShippedShiftModel.Open"/>) refuses anything that does not fit.
/// </summary>
public sealed class ShippedShiftModelTests
{
    private static readonly string Directory = ShiftModelFiles.DefaultDirectory;
    private static readonly byte[] Zip = File.ReadAllBytes(Path.Combine(Directory, ShiftModelSchema.ModelFileName));
    private static readonly string Schema = File.ReadAllText(Path.Combine(Directory, ShiftModelSchema.SchemaFileName));

    [Fact]
    public void TrainingFromTheSchemasSeed_ReproducesTheShippedModel_ByteForByte()
    {
        var schema = ShiftModelSchema.FromJson(Schema);
        var training = new ShiftModelTraining { Seed = schema.Seed, Units = schema.Trainer.Units, Waves = schema.Trainer.Waves, TargetFalseAlarmRate = schema.Trainer.TargetFalseAlarmRate };

        var release = ShiftModelTrainer.Release(training);

        Assert.Equal(ShiftModelTraining.Default, training); // the hosts ship the default training
        Assert.Equal(schema.Trainer, training.TrainerSettings);
        Assert.Equal(Zip, release.Zip);
        Assert.Equal(Schema, release.Schema.ToJson());
    }

    [Fact]
    public void TheShippedFiles_OpenAsTheModelTheSchemaNames()
    {
        var model = ShiftModelFiles.Load(Directory);

        Assert.Equal(ShiftModelSchema.FromJson(Schema).ModelVersion, model.Version);
        Assert.Equal(ShiftModelTraining.Default.Version, model.Version);
    }

    [Theory]
    [InlineData("instrumentVersion", "\"integrity-pulse-v0\"", "made for instrument integrity-pulse-v0; this build surveys with integrity-pulse-v1")]
    [InlineData("featureVersion", "2", "takes features v2")]
    [InlineData("features", "[\"log2_n\", \"max_z\", \"max_z_squared\", \"response_rate_change\", \"history_waves\"]", "takes features v1 (log2_n, max_z")]
    [InlineData("format", "2", "format 2; this build reads format 1")]
    [InlineData("sha256", "\"00\"", "is not the file the schema describes")]
    [InlineData("modelVersion", "\"shift-f1-other\"", "the schema names shift-f1-other")]
    public void ASchemaThatDoesNotFitThisBuild_IsRefused_SayingHow(string field, string value, string message)
    {
        var schema = JsonNode.Parse(Schema)!.AsObject();
        schema[field] = JsonNode.Parse(value);

        var refusal = Assert.Throws<ShiftModelRejectedException>(() => ShippedShiftModel.Open(schema.ToJsonString(), Zip));

        Assert.Contains(message, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AChangedZip_IsRefused_ByItsHash()
    {
        var changed = (byte[])Zip.Clone();
        changed[^10] ^= 0xFF;

        var refusal = Assert.Throws<ShiftModelRejectedException>(() => ShippedShiftModel.Open(Schema, changed));

        Assert.Contains("is not the file the schema describes", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NotASchema_IsRefused()
    {
        var refusal = Assert.Throws<ShiftModelRejectedException>(() => ShippedShiftModel.Open("{ not json", Zip));

        Assert.Contains(ShiftModelSchema.SchemaFileName, refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ShiftModelSchema.ModelFileName)]
    [InlineData(ShiftModelSchema.SchemaFileName)]
    public void AMissingFile_IsRefused_NamingItAndHowToMakeIt(string missing)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("pulse-model-").FullName;
        try
        {
            foreach (var file in new[] { ShiftModelSchema.ModelFileName, ShiftModelSchema.SchemaFileName }.Where(f => f != missing))
            {
                File.Copy(Path.Combine(Directory, file), Path.Combine(directory, file));
            }

            var refusal = Assert.Throws<ShiftModelRejectedException>(() => ShiftModelFiles.Load(directory));

            Assert.Contains($"{missing} is missing", refusal.Message, StringComparison.Ordinal);
            Assert.Contains("./pulse train-model", refusal.Message, StringComparison.Ordinal);
            Assert.Contains(directory, refusal.Message, StringComparison.Ordinal);
        }
        finally
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
    }
}
