using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Models.Plans;

/// <summary>
/// Why a plan, a draw or a withdrawal was refused: the field to fix (a form input and a `pulse plans` option share its
/// name, see <see cref="PlanRules"/>) and the problem in English and Dutch, worded once in <see cref="PlanRules"/>.
/// </summary>
public sealed record PlanProblem(string Field, string English, string Dutch)
{
    public string Text(Language language) => language == Language.Nl ? Dutch : English;

    public override string ToString() => English;
}
