namespace PulsePipeline.Workspace.Pages;

/// <summary>
/// What the intervention form offers: every unit of the latest published wave in tree order, each with the names of
/// the units above it so a name search tells namesakes apart; and the start waves of the schedule, the waves to come
/// first (opened, or scheduled by PULSE_WAVE_SCHEDULE), then the latest published ones.
/// </summary>
public sealed record FormChoices(IReadOnlyList<SearchHit> Units, IReadOnlyList<string> Upcoming, IReadOnlyList<string> Published)
{
    public static FormChoices None { get; } = new([], [], []);

    /// <summary>How many published waves the form offers as start waves (an intervention recorded after it began).</summary>
    public const int RecentWaves = 3;

    /// <summary>How many scheduled waves the form offers beyond the ones already opened.</summary>
    public const int ScheduledWaves = 3;

    public bool Offers(string wave) => Upcoming.Contains(wave, StringComparer.Ordinal) || Published.Contains(wave, StringComparer.Ordinal);

    /// <summary>The unit the form's text names: an id as listed, else the one unit with that name; null when none or several.</summary>
    public (string? Unit, bool Ambiguous) Resolve(string typed)
    {
        if (Units.Any(u => u.Unit == typed))
        {
            return (typed, false);
        }

        var key = UnitSearch.Fold(typed);
        var named = Units.Where(u => UnitSearch.Fold(u.Name) == key).Take(2).ToList();
        return named.Count == 1 ? (named[0].Unit, false) : (null, named.Count > 1);
    }
}
