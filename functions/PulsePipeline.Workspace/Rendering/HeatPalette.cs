using PulsePipeline.Models.Workspace;

namespace PulsePipeline.Workspace.Rendering;

/// <summary>
/// The heatmap's diverging orange–blue palette, safe for the common colour-vision deficiencies, with at least 3:1
/// contrast between neighbouring classes and at least 4.5:1 for each class's text (a unit test checks both). Each
/// class also has a symbol shown in the cell, so colour never carries the meaning alone.
/// </summary>
public static class HeatPalette
{
    public static IReadOnlyList<ChangeClass> Order { get; } =
        [ChangeClass.ClearlyWorse, ChangeClass.Worse, ChangeClass.NoClearChange, ChangeClass.Better, ChangeClass.ClearlyBetter];

    public static string Background(ChangeClass c) => c switch
    {
        ChangeClass.ClearlyWorse => "#5c2300",
        ChangeClass.Worse => "#d66a14",
        ChangeClass.NoClearChange => "#ffffff",
        ChangeClass.Better => "#3f88c5",
        _ => "#0b2f57",
    };

    public static string Text(ChangeClass c) => c is ChangeClass.ClearlyWorse or ChangeClass.ClearlyBetter ? "#ffffff" : "#000000";

    public static string Symbol(ChangeClass c) => c switch
    {
        ChangeClass.ClearlyWorse => "!!",
        ChangeClass.Worse => "!",
        ChangeClass.NoClearChange => "=",
        ChangeClass.Better => "✓",
        _ => "✓✓",
    };

    /// <summary>The CSS class of a cell of this class.</summary>
    public static string CssClass(ChangeClass c) => "h" + Order.ToList().IndexOf(c);

    public const string SuppressedSymbol = "⊘";
    public const string NoHistorySymbol = "…";
    public const string MissingSymbol = "–";

    /// <summary>The rules for every class, written into the one stylesheet.</summary>
    public static string Css() => string.Concat(Order.Select(c => $".{CssClass(c)}{{background:{Background(c)};color:{Text(c)}}}"));
}
