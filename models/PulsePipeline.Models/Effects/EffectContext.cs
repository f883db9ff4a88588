namespace PulsePipeline.Models.Effects;

/// <summary>
/// What one estimation run shares between interventions: the panel, the fitted models, and pre-window solves per
/// (unit, start), each computed once on first use by whichever worker needs it first (two workers that race compute
/// the same window; either copy serves).
/// </summary>
internal sealed class EffectContext
{
    private readonly PreWindow?[] pre;
    private readonly bool[] solved;

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
        if (!Volatile.Read(ref solved[at]))
        {
            // The first worker's window stays; marked solved only after it is in place, so a worker that sees it solved sees it.
            if (PreWindow.Create(Panel, Models, unit, start, Settings.MaxPreWaves) is { } window)
            {
                Interlocked.CompareExchange(ref pre[at], window, null);
            }

            Volatile.Write(ref solved[at], true);
        }

        return Volatile.Read(ref pre[at]);
    }
}
