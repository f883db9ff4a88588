namespace PulsePipeline.Models.Interventions;

/// <summary>
/// One kind of intervention IPIM can start in a unit: its stable id (used in CSV files and storage), its name and
/// what it is for, in Dutch and English.
/// </summary>
public sealed record InterventionType(string Id, string NameNl, string NameEn, string PurposeNl, string PurposeEn)
{
    public string Name(bool dutch) => dutch ? NameNl : NameEn;

    public string Purpose(bool dutch) => dutch ? PurposeNl : PurposeEn;
}
