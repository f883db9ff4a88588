using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Workspace;
using PulsePipeline.Workspace.Reading;

namespace PulsePipeline.Workspace.Rendering;

/// <summary>A unit's trend in one construct from its own published rows: each mean with its interval, none where suppressed.</summary>
public static class TrendPoints
{
    public static List<TrendPoint> Of(IReadOnlyList<PublishedRow> rows, Construct construct) =>
        [.. rows.Select(row =>
        {
            var result = row.Of(construct);
            var interval = row.Published ? UnitFigures.Interval95(result.Mean, result.Sd, row.N) : null;
            return new TrendPoint(row.Wave, interval is null ? null : result.Mean, interval?.Low, interval?.High);
        })];
}
