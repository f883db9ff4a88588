namespace PulsePipeline.Models.Detection.Features;

/// <summary>
/// The organisation-wide level of a construct in a wave, relative to the first wave (which is 0), with its standard
/// error; <see cref="Estimated"/> is false when too few units had history and the previous level was carried forward.
/// </summary>
internal readonly record struct OrganisationLevel(double Level, double Se, int Units, bool Estimated);
