namespace PulsePipeline.Models.Effects;

/// <summary>
/// What one estimation run shares between interventions: the panel, the fitted models, pre-window solves per
/// (unit, start) and placebo sets per (post-horizon pattern, construct), each computed once on first use.
/// </summary>
internal sealed class EffectContext
{
    private readonly PreWindow?[] pre;
    private readonly bool[] solved;
    private readonly Dictionary<string, PlaceboSet> placebos = new(StringComparer.Ordinal);

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

    public PlaceboSet Placebos(int[] horizons, int c)
    {
        var key = c + ":" + string.Join(',', horizons);
        if (!placebos.TryGetValue(key, out var set))
        {
            set = PlaceboSet.Build(this, horizons, c);
            placebos[key] = set;
        }

        return set;
    }
}
