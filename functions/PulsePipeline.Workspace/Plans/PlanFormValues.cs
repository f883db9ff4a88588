using System.Globalization;
using PulsePipeline.Models.Effects;
using PulsePipeline.Models.Plans;
using PulsePipeline.Pipeline.Plans;
using PulsePipeline.Workspace.Pages;

namespace PulsePipeline.Workspace.Plans;

/// <summary>
/// The plan form's fields as typed (so nothing typed is lost on a refusal), and how they become a
/// <see cref="PlanRequest"/>: units one per line by code or name, the pace as capacity or cohorts, the constructs as
/// one choice. The registry checks everything else (<see cref="PlanRegistry"/>, <see cref="PlanRules"/>).
/// </summary>
public sealed record PlanFormValues(string Type, string Units, string Capacity, string Cohorts, string FirstStartWave, string Strata, string Constructs, string Owner)
{
    /// <summary>
    /// The units field's limit in characters: enough for a couple of hundred typical unit codes, and it keeps the body
    /// of the longest valid form small (<see cref="WorkspaceForm.MaxBodyBytes"/>). Longer lists: `pulse plans add`.
    /// </summary>
    public const int MaxUnitsLength = 4000;

    /// <summary>The constructs field's value for "both constructs".</summary>
    public const string BothConstructs = "both";

    public static PlanFormValues Blank(IEnumerable<string> defaultUnits, string owner) =>
        new("", string.Join('\n', defaultUnits), "", "", "", PlanStrata.None, BothConstructs, owner);

    public static PlanFormValues From(IReadOnlyDictionary<string, string> form)
    {
        ArgumentNullException.ThrowIfNull(form);
        string Field(string name) => (form.GetValueOrDefault(name) ?? "").Trim();
        var units = (form.GetValueOrDefault(PlanFields.Units) ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        return new(Field(PlanFields.Type), units, Field(PlanFields.Capacity), Field(PlanFields.Cohorts), Field(PlanFields.FirstStartWave), Field(PlanFields.Strata), Field(PlanFields.Constructs), Field(PlanFields.Owner));
    }

    /// <summary>The request to register, or the problems only the form can have (a shared name, the pace).</summary>
    public (PlanRequest? Request, IReadOnlyList<PlanProblem> Problems) ToRequest(FormChoices choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var problems = new List<PlanProblem>();
        var units = new List<string>();
        foreach (var typed in Units.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var (unit, ambiguous) = choices.Resolve(typed);
            if (ambiguous)
            {
                problems.Add(PlanRules.AmbiguousUnit(typed));
            }

            units.Add(unit ?? typed);
        }

        var capacity = Number(Capacity);
        var cohorts = Number(Cohorts);
        if ((Capacity.Length > 0) == (Cohorts.Length > 0) || (capacity ?? cohorts) is null)
        {
            problems.Add(PlanRules.CapacityOrCohorts);
        }

        IReadOnlyList<string> constructs = Constructs == BothConstructs ? [.. EffectEstimator.Constructs.Select(EffectWords.Id)] : [Constructs];
        return problems.Count > 0
            ? (null, problems)
            : (new PlanRequest(Type, units, capacity, cohorts, FirstStartWave, null, Strata, constructs, Owner), []);
    }

    private static int? Number(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
