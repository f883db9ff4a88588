using System.Globalization;
using PulsePipeline.Workspace.Rendering;

namespace PulsePipeline.UnitTests.Workspace;

/// <summary>WCAG: a flag differs from every other heatmap cell by at least 3:1 in contrast, each mark's text is readable on it (4.5:1), and each flag has its own symbol.</summary>
public sealed class HeatPaletteTests
{
    [Fact]
    public void AFlag_StandsOutFromEveryOtherCell_ByThreeToOne()
    {
        foreach (var other in HeatPalette.Order.Where(m => m != CellMark.Flagged).Select(HeatPalette.Background).Append(HeatPalette.SuppressedBackground))
        {
            var ratio = Contrast(HeatPalette.Background(CellMark.Flagged), other);
            Assert.True(ratio >= 3, $"flagged and {other}: {ratio:0.00}:1");
        }
    }

    [Fact]
    public void EveryClass_HasReadableText_AndItsOwnSymbol()
    {
        foreach (var c in HeatPalette.Order)
        {
            var ratio = Contrast(HeatPalette.Background(c), HeatPalette.Text(c));
            Assert.True(ratio >= 4.5, $"{c}: text contrast {ratio:0.00}:1");
        }

        Assert.Equal(HeatPalette.Order.Count, HeatPalette.Order.Select(HeatPalette.Symbol).Distinct().Count());
        Assert.Equal("", HeatPalette.Symbol(CellMark.NotFlagged));
    }

    [Fact]
    public void ContrastFormula_GivesTheKnownExtremes()
    {
        Assert.Equal(21, Contrast("#000000", "#ffffff"), 6);
        Assert.Equal(1, Contrast("#777777", "#777777"), 6);
    }

    private static double Contrast(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string hex)
    {
        double Channel(int at)
        {
            var c = int.Parse(hex.AsSpan(at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(1)) + (0.7152 * Channel(3)) + (0.0722 * Channel(5));
    }
}
