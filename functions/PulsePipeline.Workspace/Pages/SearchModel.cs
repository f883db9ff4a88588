namespace PulsePipeline.Workspace.Pages;

/// <summary>
/// A search for units by name in the latest published wave: what was asked, the units found (with the names of the
/// units above them, to tell namesakes apart), whether there were more than are shown, and every unit's name for the
/// form's suggestions. Names only: a search lists and links published units, it adds no figure up.
/// </summary>
public sealed record SearchModel(string Query, IReadOnlyList<SearchHit> Hits, bool More, IReadOnlyList<string> Names);
