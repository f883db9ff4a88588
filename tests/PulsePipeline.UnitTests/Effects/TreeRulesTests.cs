using PulsePipeline.Models.Csv;
using PulsePipeline.Models.Effects;
using PulsePipeline.Models.Interventions;
using PulsePipeline.Models.Units;
using static PulsePipeline.UnitTests.Effects.SyntheticPanel;

namespace PulsePipeline.UnitTests.Effects;

/// <summary>
/// With a tree, a parent's figures include its descendants: an ancestor's intervention ends a unit's post waves, a
/// descendant's does so when it holds a material share of the respondents, and a unit whose line is treated is no
/// longer a comparison.
/// </summary>
public sealed class TreeRulesTests
{
    private const int Units = 300, Waves = 14;

    // u000 is the root of u001 (30 respondents of its own size class) and u002; u001 is the parent of u003.
    private static readonly UnitTree Tree = UnitTree.TryBuild(
        [new UnitLink(Unit(0), null), new UnitLink(Unit(1), Unit(0)), new UnitLink(Unit(2), Unit(0)), new UnitLink(Unit(3), Unit(1)), .. Enumerable.Range(4, Units - 4).Select(u => new UnitLink(Unit(u), Unit(0)))],
        "units.csv",
        new List<CsvProblem>())!;

    private static readonly List<Models.Detection.HistoryRow> History = Build(Units, Waves, 11, size: u => u switch { 0 => 2000, 1 => 100, 3 => 40, _ => 20 + u % 30 });

    [Fact]
    public void AnAncestorsIntervention_EndsTheUnitsPostWaves()
    {
        var child = new PlannedIntervention("child", Unit(3), InterventionTypes.Other, Wave(8));
        var parent = new PlannedIntervention("parent", Unit(1), InterventionTypes.Other, Wave(11));

        var withTree = EffectEstimator.Estimate(History, [child, parent], null, Tree).Effects.First(e => e.Intervention.Id == "child");
        var flat = EffectEstimator.Estimate(History, [child, parent], null).Effects.First(e => e.Intervention.Id == "child");

        Assert.Equal([Wave(8), Wave(9), Wave(10)], withTree.PostWaves);
        Assert.Equal(6, flat.PostWaves.Count);
    }

    [Fact]
    public void ADescendantsIntervention_EndsTheParentsPostWaves_OnlyWhenItHoldsAMaterialShare()
    {
        var parent = new PlannedIntervention("parent", Unit(1), InterventionTypes.Other, Wave(8));
        var material = new PlannedIntervention("material", Unit(3), InterventionTypes.Other, Wave(11));

        var stopped = EffectEstimator.Estimate(History, [parent, material], null, Tree).Effects.First(e => e.Intervention.Id == "parent");
        var root = new PlannedIntervention("root", Unit(0), InterventionTypes.Other, Wave(8));
        var notStopped = EffectEstimator.Estimate(History, [root, material], null, Tree).Effects.First(e => e.Intervention.Id == "root");

        Assert.Equal(3, stopped.PostWaves.Count);
        Assert.Equal(6, notStopped.PostWaves.Count);
    }

    [Fact]
    public void AUnitWhoseLineIsTreated_IsNoLongerAComparison()
    {
        var panel = new EffectPanel(History, [new PlannedIntervention("child", Unit(3), InterventionTypes.Other, Wave(8))], null, Tree, EffectSettings.Default);
        var flat = new EffectPanel(History, [new PlannedIntervention("child", Unit(3), InterventionTypes.Other, Wave(8))], null, null, EffectSettings.Default);

        Assert.False(panel.IsControl(panel.UnitIndex(Unit(1))!.Value, 8));
        Assert.False(panel.IsControl(panel.UnitIndex(Unit(0))!.Value, 8));
        Assert.True(panel.IsControl(panel.UnitIndex(Unit(1))!.Value, 7));
        Assert.True(panel.IsControl(panel.UnitIndex(Unit(2))!.Value, 13));
        Assert.True(flat.IsControl(flat.UnitIndex(Unit(1))!.Value, 13));
    }
}
