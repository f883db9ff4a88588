using PulsePipeline.Pipeline.Storage.Entities;

namespace PulsePipeline.Lab.Demo;

/// <summary>What one demo wave produced.</summary>
internal sealed record DemoWaveResult(WaveEntity Wave, int Answered, int Invited, IReadOnlyList<PublishedEntity> Published, IReadOnlyList<FlagEntity> Flags)
{
    public IEnumerable<FlagEntity> FlaggedUnits => Flags.Where(f => f.Flagged && f.RowKey != FlagEntity.OrganisationRow);
}
