namespace PulsePipeline.Models.Interventions;

/// <summary>
/// Why a field of an intervention cannot be stored. <paramref name="Field"/> is one of <see cref="InterventionFields"/>
/// (a CSV column, a form input); <paramref name="Message"/> reads on after the field's name and says what to do,
/// e.g. "start_wave" + "'2027/03' is not a wave id: …".
/// </summary>
public sealed record InterventionProblem(string Field, string Message)
{
    public override string ToString() => $"{Field} {Message}";
}
