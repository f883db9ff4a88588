using System.Globalization;

namespace PulsePipeline.Workspace.Rendering;

/// <summary>Coordinates for the inline SVG charts: invariant, one decimal, so the markup is small and stable.</summary>
public static class Svg
{
    public static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    public static string Points(IEnumerable<(double X, double Y)> points) => string.Join(' ', points.Select(p => $"{N(p.X)},{N(p.Y)}"));
}
