namespace PulsePipeline.Workspace.Rendering;

/// <summary>
/// The heatmap's marks: a flag about the construct in view is dark orange, a flag about the other construct light
/// orange, every other cell white, each with its own symbol and its name for screen readers, so colour never carries
/// the meaning alone. A flag stands out from every other cell by at least 3:1, and each text is readable on its
/// background (4.5:1); a unit test checks both.
/// </summary>
public static class HeatPalette
{
    public static IReadOnlyList<CellMark> Order { get; } = [CellMark.Flagged, CellMark.FlaggedOtherTopic, CellMark.NotFlagged];

    public const string SuppressedBackground = "#e6e6e6";

    public static string Background(CellMark mark) => mark switch
    {
        CellMark.Flagged => "#5c2300",
        CellMark.FlaggedOtherTopic => "#f7d7bc",
        _ => "#ffffff",
    };

    public static string Text(CellMark mark) => mark == CellMark.Flagged ? "#ffffff" : "#1b1b1b";

    public static string Symbol(CellMark mark) => mark switch
    {
        CellMark.Flagged => "⚑",
        CellMark.FlaggedOtherTopic => "⚐",
        _ => "",
    };

    /// <summary>The CSS class of a cell with this mark.</summary>
    public static string CssClass(CellMark mark) => "h" + Order.ToList().IndexOf(mark);

    public const string SuppressedSymbol = "⊘";
    public const string NoHistorySymbol = "…";
    public const string MissingSymbol = "–";

    /// <summary>The rules for every mark, written into the one stylesheet.</summary>
    public static string Css() => string.Concat(Order.Select(c => $".{CssClass(c)}{{background:{Background(c)};color:{Text(c)}}}"));
}
