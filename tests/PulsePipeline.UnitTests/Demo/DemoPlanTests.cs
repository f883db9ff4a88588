using PulsePipeline.Lab.Demo;
using PulsePipeline.Lab.Simulation;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Interventions;

namespace PulsePipeline.UnitTests.Demo;

/// <summary>The demo's planting: shifts and interventions change a unit's climate exactly from their waves on.</summary>
public sealed class DemoPlanTests
{
    private static readonly (IReadOnlyList<Models.Roster.RosterUnit> Units, IReadOnlyList<Models.Roster.RosterEmployee> Staff) Organisation = SimulatedOrganisation.Create(2000, 120, 2027);

    private static DemoPlan WithEffects => DemoPlan.For(Organisation.Units, Organisation.Staff, DemoPlan.MinWavesForEffects);

    [Fact]
    public void AnInterventionsEffect_StartsInItsStartWave_OnTopOfTheShift()
    {
        var shift = WithEffects.Shifts.First(s => s.Intervention is { HasEffect: true });
        var plan = WithEffects.WithStart(shift.Unit, shift.OnsetWave + 1);

        Assert.Equal((0.0, 0.0), plan.StepIn(shift.Unit, shift.OnsetWave - 1));
        Assert.Equal((shift.Pressure, shift.SpeakUp), plan.StepIn(shift.Unit, shift.OnsetWave));
        Assert.Equal((shift.Intervention!.Pressure, shift.Intervention.SpeakUp), plan.StepIn(shift.Unit, shift.OnsetWave + 1));
        Assert.Equal((shift.Intervention.Pressure, shift.Intervention.SpeakUp), plan.StepIn(shift.Unit, shift.OnsetWave + 3));
    }

    [Fact]
    public void AnInterventionNotYetRecorded_ChangesNothing()
    {
        var shift = WithEffects.Shifts.First(s => s.Intervention is { HasEffect: true });

        Assert.Equal((0.0, 0.0), WithEffects.StepIn(shift.Unit, shift.OnsetWave + 2));
    }

    [Fact]
    public void WithEffects_TwoTypesHelp_AndOneDoesNothing_InTwoUnitsEach_AndOnlyThemTheInterventionMoves()
    {
        var plan = WithEffects;
        var planted = plan.Shifts.Where(s => s.Intervention is not null).ToList();

        Assert.Equal(2, planted.Where(s => s.Intervention!.HasEffect).Select(s => s.Intervention!.Type).Distinct().Count());
        Assert.All(planted.GroupBy(s => s.Intervention!.Type), g => Assert.Equal(2, g.Count()));
        var none = planted.First(s => !s.Intervention!.HasEffect);
        Assert.Equal(InterventionTypes.ReportingRoutes, none.Intervention!.Type);
        var started = plan.WithStart(none.Unit, none.OnsetWave + 1);
        Assert.Equal((0.0, 0.0), started.StepIn(none.Unit, none.OnsetWave + 1));
        Assert.Equal(0, DemoPlan.EffectInScalePoints(none, 0.3, Construct.Pressure, none.OnsetWave + 1));
        Assert.Equal((0.0, 0.0), started.StepIn(Organisation.Units.First(u => plan.Shifts.All(s => s.Unit != u.Id)).Id, none.OnsetWave + 1));
    }

    [Fact]
    public void ThePlantedEffect_InScalePoints_HasTheSignOfAnImprovement_AndGrowsWithTheStep()
    {
        var shift = WithEffects.Shifts.First(s => s.Intervention is { Pressure: < 0 });
        var larger = shift with { Intervention = shift.Intervention! with { Pressure = 2 * shift.Intervention.Pressure } };

        var effect = DemoPlan.EffectInScalePoints(shift, 0, Construct.Pressure, shift.OnsetWave + 1);

        Assert.True(effect < 0, $"pressure effect {effect}");
        Assert.True(DemoPlan.EffectInScalePoints(larger, 0, Construct.Pressure, shift.OnsetWave + 1) < effect);
        Assert.True(DemoPlan.EffectInScalePoints(shift, 0, Construct.SpeakUp, shift.OnsetWave + 1) > 0);
    }

    [Fact]
    public void TooFewWaves_PlantNoIntervention_AndFewerStillNoShift()
    {
        Assert.Empty(DemoPlan.For(Organisation.Units, Organisation.Staff, DemoPlan.MinWavesForShifts - 1).Shifts);
        var shiftsOnly = DemoPlan.For(Organisation.Units, Organisation.Staff, DemoPlan.MinWavesForEffects - 1);
        Assert.NotEmpty(shiftsOnly.Shifts);
        Assert.All(shiftsOnly.Shifts, s => Assert.Null(s.Intervention));
    }
}
