namespace PulsePipeline.Models.Instrument;

/// <summary>A text in Dutch and English.</summary>
public sealed record LocalizedText(string Nl, string En)
{
    public string In(Language language) => language == Language.Nl ? Nl : En;
}
