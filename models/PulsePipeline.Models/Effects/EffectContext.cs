namespace PulsePipeline.Models.Effects;

/// <summary>
/// What one estimation run shares between interventions: the panel, the fitted models, pre-window solves per
/// (unit, start), each computed once on first use, and the columns placebo sets are built in.
/// </summary>
internal sealed class EffectContext
{
    private readonly PreWindow?[] pre;
    private readonly bool[] solved;
    private double[][] columns = [];

    public EffectContext(EffectPanel panel, EffectSettings settings)
    {
        Panel = panel;
        Settings = settings;
        Models = [DeviationModelFit.Fit(panel, 0), DeviationModelFit.Fit(panel, 1)];
        pre = new PreWindow?[panel.Units.Count * (panel.W + 1)];
        solved = new bool[pre.Length];
    }

    public EffectPanel Panel { get; }

    public EffectSettings Settings { get; }

    public DeviationModel[] Models { get; }

    public PreWindow? Pre(int unit, int start)
    {
        var at = unit * (Panel.W + 1) + start;
        if (!solved[at])
        {
            pre[at] = PreWindow.Create(Panel, Models, unit, start, Settings.MaxPreWaves);
            solved[at] = true;
        }

        return pre[at];
    }

    /// <summary>
    /// Columns of at least <paramref name="capacity"/> doubles that a placebo set is built in (<see cref="PlaceboSetBuilder"/>).
    /// The estimator uses each set up before it builds the next, so one allocation serves them all and no set is copied
    /// or kept: a set is valid until the next one is built.
    /// </summary>
    public double[][] Columns(int capacity)
    {
        if (columns.Length == 0 || columns[0].Length < capacity)
        {
            columns = [.. Enumerable.Range(0, PlaceboSetBuilder.Columns).Select(_ => new double[capacity])];
        }

        return columns;
    }
}
