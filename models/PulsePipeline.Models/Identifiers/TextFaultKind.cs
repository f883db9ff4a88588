namespace PulsePipeline.Models.Identifiers;

/// <summary>What is wrong with a text field (an id, a name, notes), for <see cref="TextFault"/>.</summary>
public enum TextFaultKind
{
    Empty,
    TooLong,
    ControlCharacter,
    InvalidCharacter,
    Space,
}
