namespace PulsePipeline.Models.Effects;

/// <summary>
/// The columns one worker builds its placebo sets in (<see cref="PlaceboSetBuilder"/>). A worker uses each set up
/// before it builds the next, so one allocation serves all its sets and no set is copied or kept: a set is valid until
/// its worker builds the next one.
/// </summary>
internal sealed class PlaceboColumns
{
    private double[][] columns = [];

    /// <summary>The columns, of at least <paramref name="capacity"/> doubles each.</summary>
    public double[][] Of(int capacity)
    {
        if (columns.Length == 0 || columns[0].Length < capacity)
        {
            columns = [.. Enumerable.Range(0, PlaceboSetBuilder.Columns).Select(_ => new double[capacity])];
        }

        return columns;
    }
}
