using PulsePipeline.Models.Csv;
using PulsePipeline.Models.Effects;
using PulsePipeline.Models.Effects.Plans;
using PulsePipeline.Models.Identifiers;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Interventions;
using PulsePipeline.Models.Waves;

namespace PulsePipeline.Models.Plans;

/// <summary>
/// The one rule set for rollout plans, used by `pulse plans` and the workspace: what a plan may be at registration,
/// when a draw and a withdrawal are allowed, each problem worded here in English and Dutch.
/// </summary>
public static class PlanRules
{
    /// <summary>With fewer, no randomised comparison could ever bound the effect (<see cref="PlanSettings.MinMembers"/>).</summary>
    public static int MinUnits => PlanSettings.Default.MinMembers;

    public const int MaxUnits = 400;

    public const int MaxCohorts = 12;

    public const int MaxReasonLength = 500;

    /// <summary>Every problem of a plan to register (unit existence and the schedule are checked by the registry).</summary>
    public static IReadOnlyList<PlanProblem> Check(RolloutPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var problems = new List<PlanProblem>();
        if (!InterventionTypes.IsKnown(plan.Type))
        {
            problems.Add(new(PlanFields.Type, $"unknown intervention type '{plan.Type}'; use one of: {InterventionTypes.IdList}", $"onbekend type interventie '{plan.Type}'; kies uit: {InterventionTypes.IdList}"));
        }

        problems.AddRange(UnitProblems([.. plan.Eligible.Select(c => c.Unit)]));
        if (plan.StartWaves.Count < 2 || plan.StartWaves.Count > Math.Min(MaxCohorts, Math.Max(2, plan.Eligible.Count)))
        {
            problems.Add(new(PlanFields.Cohorts, $"a plan has 2 to {MaxCohorts} cohorts, and no more than units ({plan.StartWaves.Count} asked)", $"een plan heeft 2 tot {MaxCohorts} groepen, en niet meer dan eenheden ({plan.StartWaves.Count} gevraagd)"));
        }

        if (plan.Capacity is < 1)
        {
            problems.Add(new(PlanFields.Capacity, "the capacity is at least 1 unit per wave", "de capaciteit is minstens 1 eenheid per meting"));
        }

        if (plan.StartWaves.Any(w => !WaveIds.IsValid(w)) || plan.StartWaves.Zip(plan.StartWaves.Skip(1)).Any(p => string.CompareOrdinal(p.First, p.Second) >= 0))
        {
            problems.Add(new(PlanFields.FirstStartWave, $"the start waves must be wave ids ({WaveIds.Rule}), each later than the one before", $"de startmetingen moeten meting-id's zijn ({WaveIds.RuleNl}), elk later dan de vorige"));
        }

        if (!PlanStrata.IsKnown(plan.Strata))
        {
            problems.Add(new(PlanFields.Strata, $"unknown strata '{plan.Strata}'; use one of: {PlanStrata.IdList}", $"onbekende stratificatie '{plan.Strata}'; kies uit: {PlanStrata.IdList}"));
        }

        var constructs = EffectEstimator.Constructs.Select(EffectWords.Id).ToList();
        if (plan.Constructs.Count == 0 || plan.Constructs.Any(c => !constructs.Contains(c)) || plan.Constructs.Distinct().Count() != plan.Constructs.Count)
        {
            problems.Add(new(PlanFields.Constructs, "name the constructs the plan is meant to move: pressure, speakup or both", "noem de constructen die het plan moet veranderen: pressure, speakup of beide"));
        }

        if (Identifier.Fault(plan.Owner) is { } owner || plan.Owner.Contains('@', StringComparison.Ordinal))
        {
            problems.Add(new(PlanFields.Owner, "the owner is a name (1–128 printable characters), not an email address", "de eigenaar is een naam (1–128 leesbare tekens), geen e-mailadres"));
        }

        return problems;
    }

    /// <summary>A unit of the eligible list that the registry knows neither from the roster nor from a published wave.</summary>
    public static PlanProblem UnknownUnit(string unit) =>
        new(PlanFields.Units, $"unit '{unit}' is in neither the roster nor a published wave", $"eenheid '{unit}' staat niet in het personeelsbestand en in geen gepubliceerde meting");

    /// <summary>An eligible unit with an intervention that is planned or running: it is treated already.</summary>
    public static PlanProblem Treated(string unit, string intervention) =>
        new(PlanFields.Units, $"unit '{unit}' already has intervention {intervention} planned or running", $"eenheid '{unit}' heeft al interventie {intervention} gepland of lopend");

    /// <summary>The first start wave is not a wave the schedule opens, or is not after the latest published wave.</summary>
    public static PlanProblem StartNotAhead(string wave, string? latest) =>
        new(PlanFields.FirstStartWave, $"the first start wave '{wave}' must be a wave the schedule opens (yyyy-MM-dd) after the latest published wave{(latest is null ? "" : $" ({latest})")}", $"de eerste startmeting '{wave}' moet een meting uit het schema zijn (jjjj-MM-dd) na de laatste gepubliceerde meting{(latest is null ? "" : $" ({latest})")}");

    /// <summary>A name several units have (the workspace form takes a unit by its code or its name).</summary>
    public static PlanProblem AmbiguousUnit(string name) =>
        new(PlanFields.Units, $"several units are named '{name}': give that unit's code instead", $"meerdere eenheden heten '{name}': geef de code van die eenheid");

    /// <summary>The form's pace: exactly one of capacity and cohorts, each a whole number.</summary>
    public static PlanProblem CapacityOrCohorts =>
        new(PlanFields.Capacity, "fill in one of the two: the units that can start per wave, or the number of cohorts (a whole number)", "vul een van beide in: het aantal eenheden dat per meting kan starten, of het aantal groepen (een geheel getal)");

    public static PlanProblem AlreadyDrawn(PlanDrawing drawing)
    {
        ArgumentNullException.ThrowIfNull(drawing);
        return new(PlanFields.Plan, $"the plan was drawn on {drawing.Day:yyyy-MM-dd} (seed {drawing.Seed}); a draw is final and is never redone", $"het plan is geloot op {drawing.Day:yyyy-MM-dd} (seed {drawing.Seed}); een loting is definitief en wordt nooit overgedaan");
    }

    public static PlanProblem NotDrawn => new(PlanFields.Plan, "the plan is not drawn yet: only a member of a drawn plan can be withdrawn", "het plan is nog niet geloot: alleen een deelnemer van een geloot plan kan worden teruggetrokken");

    public static PlanProblem NotMember(string unit) => new(PlanFields.Unit, $"unit '{unit}' is not a member of the plan", $"eenheid '{unit}' hoort niet bij het plan");

    public static PlanProblem AlreadyWithdrawn(PlanWithdrawal withdrawal)
    {
        ArgumentNullException.ThrowIfNull(withdrawal);
        return new(PlanFields.Unit, $"unit '{withdrawal.Unit}' was withdrawn on {withdrawal.Day:yyyy-MM-dd}", $"eenheid '{withdrawal.Unit}' is teruggetrokken op {withdrawal.Day:yyyy-MM-dd}");
    }

    /// <summary>Why a withdrawal reason cannot be recorded, or null.</summary>
    public static PlanProblem? ReasonProblem(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return reason.Trim().Length == 0 || reason.Length > MaxReasonLength || reason.Any(char.IsControl)
            ? new(PlanFields.Reason, $"give the reason for the withdrawal: 1–{MaxReasonLength} characters on one line, about the unit, not about people", $"geef de reden van het terugtrekken: 1–{MaxReasonLength} tekens op één regel, over de eenheid, niet over personen")
            : null;
    }

    private static IEnumerable<PlanProblem> UnitProblems(IReadOnlyList<string> units)
    {
        if (units.Count < MinUnits || units.Count > MaxUnits)
        {
            yield return new(PlanFields.Units, $"a plan has {MinUnits} to {MaxUnits} eligible units ({units.Count} given): with fewer the randomisation can never bound an effect", $"een plan heeft {MinUnits} tot {MaxUnits} geschikte eenheden ({units.Count} opgegeven): met minder kan de loting nooit een effect begrenzen");
        }

        foreach (var unit in units)
        {
            if (Identifier.Fault(unit) is { } fault)
            {
                var shown = CsvReader.Printable(unit);
                yield return new(PlanFields.Units, $"unit {shown} {Identifier.Words(fault, Language.En)}; a unit id is {Identifier.Rule}", $"eenheid {shown} {Identifier.Words(fault, Language.Nl)}; een eenheid-id is {Identifier.RuleNl}");
            }
        }

        foreach (var unit in units.GroupBy(u => u, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            yield return new(PlanFields.Units, $"unit '{unit}' is listed more than once", $"eenheid '{unit}' staat er meer dan eens in");
        }
    }
}
