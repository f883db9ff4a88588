using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PulsePipeline.Models.Plans;

/// <summary>
/// Seeds as a plan records them: 64 bits written as 16 lower-case hexadecimal digits. The draw's seed comes from a
/// cryptographic random source at draw time (the registry draws it, so nobody chooses it); the seed of the
/// randomisation inference is derived from the plan id, so every reader of a plan computes the same interval.
/// </summary>
public static class PlanSeeds
{
    public const int Length = 16;

    public static string Format(ulong seed) => seed.ToString("x16", CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out ulong seed)
    {
        seed = 0;
        return text is { Length: Length } && text.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'))
            && ulong.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out seed);
    }

    /// <summary>A new draw seed from the operating system's cryptographic random source.</summary>
    public static ulong NewDrawSeed() => BinaryPrimitives.ReadUInt64LittleEndian(RandomNumberGenerator.GetBytes(8));

    /// <summary>The seed of a plan's re-draws: the first 8 bytes (little-endian) of SHA-256 of its id in UTF-8.</summary>
    public static ulong ForAnalysis(string planId)
    {
        ArgumentNullException.ThrowIfNull(planId);
        return BinaryPrimitives.ReadUInt64LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(planId)));
    }
}
