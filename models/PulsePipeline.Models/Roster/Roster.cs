using PulsePipeline.Models.Units;

namespace PulsePipeline.Models.Roster;

/// <summary>A validated roster: a unit tree and the employees in it.</summary>
public sealed record Roster(IReadOnlyList<RosterUnit> Units, IReadOnlyList<RosterEmployee> Employees, UnitTree Tree);
