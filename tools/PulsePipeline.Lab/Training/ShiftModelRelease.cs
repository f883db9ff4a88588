using PulsePipeline.Models.Detection;

namespace PulsePipeline.Lab.Training;

/// <summary>A trained shift model as it ships: its zip and the schema that goes beside it (<see cref="ShiftModelSchema"/>).</summary>
internal sealed record ShiftModelRelease(ShiftModel Model, byte[] Zip, ShiftModelSchema Schema);
