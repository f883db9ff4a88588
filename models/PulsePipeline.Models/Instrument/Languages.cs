using System.Diagnostics.CodeAnalysis;

namespace PulsePipeline.Models.Instrument;

/// <summary>Two-letter codes for <see cref="Language"/>, as used in the roster CSV and survey links.</summary>
public static class Languages
{
    public static string Code(this Language language) => language == Language.Nl ? "nl" : "en";

    public static bool TryParse(string? code, [NotNullWhen(true)] out Language? language)
    {
        language = code switch
        {
            "nl" => Language.Nl,
            "en" => Language.En,
            _ => null,
        };
        return language is not null;
    }
}
