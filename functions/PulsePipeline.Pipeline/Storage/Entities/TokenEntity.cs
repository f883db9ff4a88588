namespace PulsePipeline.Pipeline.Storage.Entities;

/// <summary>A survey token by its hash: partition the first two hex digits, row key the full hash. Holds wave, unit and state only: no employee id, no email, no time of use.</summary>
public sealed class TokenEntity : TableRow
{
    public string Wave { get; set; } = "";

    public string Unit { get; set; } = "";

    public bool Used { get; set; }
}
