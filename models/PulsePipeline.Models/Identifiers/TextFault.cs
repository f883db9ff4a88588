namespace PulsePipeline.Models.Identifiers;

/// <summary>
/// Why a text cannot be stored, as data, so each language can word it: its <paramref name="Length"/> when too long,
/// the 1-based <paramref name="Position"/> of a bad character and, for a control character, its <paramref name="Code"/>.
/// </summary>
public sealed record TextFault(TextFaultKind Kind, int Length = 0, int Position = 0, int Code = 0);
