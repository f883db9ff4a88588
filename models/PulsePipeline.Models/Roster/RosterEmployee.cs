using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Models.Roster;

/// <summary>An employee who can be invited: the only record anywhere that holds an email address.</summary>
public sealed record RosterEmployee(string Id, string Email, Language Language, string Unit);
