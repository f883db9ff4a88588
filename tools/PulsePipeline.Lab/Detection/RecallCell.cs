namespace PulsePipeline.Lab.Detection;

/// <summary>Planted shifts of one group (e.g. size 0.5, or units of 10–19 respondents) and how many were found.</summary>
public sealed record RecallCell(string Dimension, string Group, int Found, int Planted)
{
    public double Rate => Planted == 0 ? 0 : (double)Found / Planted;
}
